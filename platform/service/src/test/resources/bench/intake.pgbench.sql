-- One staff complaint intake (POST /api/complaints) as the platform sends it to PostgreSQL, for pgbench
-- (PgbenchPeer). Taken statement by statement from the code the intake runs at this commit
-- (PolicyAcknowledgements.standing -> AcknowledgementRecords.find; ComplaintDesk.receive ->
-- ComplaintRecords.insert, AuditTrail.append, Outbox.insert; each in Transactions.inTenant) for the
-- Samtah seed policy (no complaint clocks). NOT yet checked against captured statements: a test that
-- captures them and fails when these part ways is still to come (issue 14).
-- Variables (pgbench -D): tenant, version (policy version in force), subject (the staff member's token
-- subject), username. Run with -M extended so they are bound as parameters, as the platform binds them.
-- Where the platform binds a value that pgbench cannot hold in a variable (a fresh id, a clock reading,
-- a constant), the script writes an expression between /*$*/ markers; the test reads each as one bound value.
--
-- The acknowledgement gate: has this member acknowledged the policy in force?
BEGIN;
select set_config('app.tenant_id', :tenant, true);
select policy_version, policy_number, subject, username, statement, acknowledged_at
from app.policy_acknowledgement where policy_version = :version and subject = :subject;
COMMIT;
-- The complaint, its audit event and its outbox event, in one tenant transaction.
BEGIN;
select set_config('app.tenant_id', :tenant, true);
insert into app.complaint (tenant_id, id, tracking_code, channel, state, complainant_name, contact,
    subject, description, received_by, policy_version, received_at, updated_at)
values (:tenant, /*$*/ gen_random_uuid() /*$*/,
    /*$*/ translate(upper(substr(md5(random()::text), 1, 20)), '0189', 'WXYZ') /*$*/, /*$*/ 'fax' /*$*/,
    /*$*/ 'received' /*$*/, /*$*/ 'مستفيد' /*$*/, /*$*/ null /*$*/, /*$*/ 'شكوى' /*$*/, /*$*/ 'نص الشكوى' /*$*/,
    :username, :version, /*$*/ now() /*$*/, /*$*/ now() /*$*/);
insert into app.audit_event (tenant_id, occurred_at, actor, action, subject_type, subject_id,
                             from_state, to_state, policy_version, detail)
values (:tenant, /*$*/ now() /*$*/, :username, /*$*/ 'complaint.filed' /*$*/, /*$*/ 'complaint' /*$*/,
    /*$*/ gen_random_uuid() /*$*/, /*$*/ null /*$*/, /*$*/ 'received' /*$*/, :version,
    /*$*/ '{"channel":"fax"}' /*$*/);
insert into app.outbox (tenant_id, occurred_at, topic, subject_type, subject_id, audience, payload)
values (:tenant, /*$*/ now() /*$*/, /*$*/ 'complaint.filed' /*$*/, /*$*/ 'complaint' /*$*/,
    /*$*/ gen_random_uuid() /*$*/, /*$*/ '{follow-up-committee,top-management}' /*$*/,
    /*$*/ '{"state":"received","channel":"fax"}' /*$*/) returning id;
COMMIT;
