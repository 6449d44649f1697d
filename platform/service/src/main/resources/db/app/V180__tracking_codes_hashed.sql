-- Tracking codes are stored as survey tokens are (V60): only the SHA-256 of the code, in lower-case hex, is
-- kept, and a case is found by the hash of what the person typed. The clear code is shown once, in the
-- answer to the filing; a backup, an export or a staff screen no longer lets anyone follow a person's case.
-- The codes already stored are converted here (they are upper-case base32, so UTF-8 is ASCII and the hash
-- equals Java's TrackingCode.hash()), and the clear columns are dropped with their checks and uniqueness.
--
-- Both tables force row-level security on their owner too; the conversion is the owner's own maintenance
-- across every association, so the force is lifted for it and put back in the same transaction.

alter table app.complaint no force row level security;
alter table app.inquiry no force row level security;

alter table app.complaint add column tracking_hash text check (tracking_hash ~ '^[0-9a-f]{64}$');
update app.complaint set tracking_hash = encode(sha256(convert_to(tracking_code, 'UTF8')), 'hex');
alter table app.complaint
    alter column tracking_hash set not null,
    drop column tracking_code,
    add constraint complaint_tracking_hash_unique unique (tenant_id, tracking_hash);

-- Staff-logged inquiries have no code, and so no hash.
alter table app.inquiry add column tracking_hash text check (tracking_hash ~ '^[0-9a-f]{64}$');
update app.inquiry set tracking_hash = encode(sha256(convert_to(tracking_code, 'UTF8')), 'hex')
    where tracking_code is not null;
alter table app.inquiry
    drop column tracking_code,
    add constraint inquiry_tracking_hash_unique unique (tenant_id, tracking_hash);

alter table app.complaint force row level security;
alter table app.inquiry force row level security;
