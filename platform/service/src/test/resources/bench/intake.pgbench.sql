-- One staff complaint intake (POST /api/complaints) in the steady state (a later filing of the same staff
-- member: the acknowledgement of the policy in force is cached by the replica and no longer looked up),
-- as the platform sends it to PostgreSQL, for pgbench (PgbenchPeer). Captured from PostgreSQL's statement
-- log of a real intake; IntakeStatementsTests captures them again and fails when these part ways. For the
-- Samtah seed policy (no complaint clocks, so no app.deadline insert).
-- Variables (pgbench -D): tenant, slug (the association's), version (policy version in force), username.
-- Run with -M extended so they are bound as parameters, as the platform binds them.
-- Where the platform binds a value that pgbench cannot hold in a variable (a fresh id, a clock reading,
-- a constant), the script writes an expression between /*$*/ markers; the test reads each as one bound value.
-- (The platform binds the complaint's id again as the audit and outbox events' subject_id; here each is a
-- fresh id.)
-- The association's status is read once per 5 s for all requests of the association (TenantGate), not
-- per intake, so it is not part of this script.
--
-- The complaint, its audit event and its outbox event in one statement (the case kernel's CaseMoves.open), as
-- one tenant transaction sent at once (Transactions.writeAtOnce): BEGIN and set_config as one simple query,
-- the statement and COMMIT, queued without waiting for answers (the driver writes BEGIN and the statement in two
-- writes at once, and COMMIT in a third once the statement is answered: two round trips). pgbench cannot put two
-- statements into one extended query, so it pipelines the four: one write, one round trip.
\startpipeline
BEGIN READ WRITE;
select set_config('app.tenant_id', :tenant, true), set_config('plan_cache_mode', 'force_generic_plan', true);
with row_0 as (insert into app.complaint (tenant_id, id, tracking_hash, channel, state, complainant_name, contact,
    subject, description, received_by, policy_version, received_at, updated_at)
values (:tenant, /*$*/ gen_random_uuid() /*$*/,
    /*$*/ encode(sha256(convert_to(random()::text, 'UTF8')), 'hex') /*$*/, /*$*/ 'fax' /*$*/,
    /*$*/ 'received' /*$*/, /*$*/ 'مستفيد' /*$*/, /*$*/ null /*$*/, /*$*/ 'شكوى' /*$*/, /*$*/ 'نص الشكوى' /*$*/,
    :username, :version, /*$*/ now() /*$*/, /*$*/ now() /*$*/)),
row_1 as (insert into app.audit_event (tenant_id, occurred_at, actor, action, subject_type, subject_id,
    from_state, to_state, policy_version, detail)
values (:tenant, /*$*/ now() /*$*/, :username, /*$*/ 'complaint.filed' /*$*/, /*$*/ 'complaint' /*$*/,
    /*$*/ gen_random_uuid() /*$*/, /*$*/ null /*$*/, /*$*/ 'received' /*$*/, :version,
    /*$*/ '{"channel":"fax"}' /*$*/))
insert into app.outbox (tenant_id, occurred_at, topic, subject_type, subject_id, audience, payload,
                        events, event_types)
values (:tenant, /*$*/ now() /*$*/, /*$*/ 'complaint.filed' /*$*/, /*$*/ 'complaint' /*$*/,
    /*$*/ gen_random_uuid() /*$*/, /*$*/ '{follow-up-committee,top-management}' /*$*/,
    /*$*/ '{"state":"received","channel":"fax"}' /*$*/, /*$*/ '[]' /*$*/, /*$*/ '{}' /*$*/) returning id;
COMMIT;
\endpipeline
