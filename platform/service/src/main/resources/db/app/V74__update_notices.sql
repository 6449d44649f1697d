-- Updates ("عمل التحديثات اللازمة على أي معلومات طرأ التعديل عليها"): when the association changes what
-- beneficiaries rely on (a service's conditions, a public tool document, the policy itself), the people
-- with open requests are told once on their agreed channel, and who was told is kept.

-- One notice per change. The unique key makes a change announced once however many replicas scan at once.
create table app.update_notice (
    tenant_id       uuid        not null,
    id              uuid        not null,
    kind            text        not null check (kind in ('service', 'tool', 'policy')),
    -- The service id, the tool id, or 'policy'.
    subject         text        not null check (length(subject) between 1 and 100),
    -- The policy version number (service, policy) or the tool document version (tool) that changed it.
    version         integer     not null check (version > 1),
    policy_version  uuid,
    summary_ar      text        not null check (length(summary_ar) between 1 and 1000),
    summary_en      text        not null check (length(summary_en) between 1 and 1000),
    detected_at     timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, kind, subject, version)
);
create index update_notice_recent on app.update_notice (tenant_id, detected_at desc);

-- Who was told of a notice. Inserted before sending (only the replica whose insert succeeded sends),
-- then the outcome of the messaging port is recorded: sent, failed, no-consent, no-address, in-person.
create table app.update_recipient (
    tenant_id       uuid        not null,
    notice_id       uuid        not null,
    beneficiary_id  uuid        not null,
    channel         text,
    outcome         text        not null default 'pending'
                                check (outcome in ('pending', 'sent', 'failed', 'no-consent', 'no-address', 'in-person')),
    told_at         timestamptz,
    primary key (tenant_id, notice_id, beneficiary_id),
    foreign key (tenant_id, notice_id) references app.update_notice (tenant_id, id) on delete cascade,
    foreign key (tenant_id, beneficiary_id) references app.beneficiary (tenant_id, id) on delete cascade
);

-- The newest version of each watched thing the scan has dealt with (kind 'policy' subject 'policy',
-- kind 'tool' subject the tool id, kind 'tenant' subject '*' once the association was first scanned).
-- The first scan of an association records what is in force as the baseline, so nothing that was in
-- force before this feature was deployed is announced.
create table app.update_watermark (
    tenant_id   uuid        not null,
    kind        text        not null check (kind in ('tenant', 'policy', 'tool')),
    subject     text        not null,
    version     integer     not null check (version >= 0),
    seen_at     timestamptz not null,
    primary key (tenant_id, kind, subject)
);

alter table app.update_notice enable row level security;
alter table app.update_notice force row level security;
create policy tenant_isolation on app.update_notice
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.update_notice to rawabit_platform;
grant select, delete on app.update_notice to rawabit_admin;

alter table app.update_recipient enable row level security;
alter table app.update_recipient force row level security;
create policy tenant_isolation on app.update_recipient
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.update_recipient to rawabit_platform;
grant select, delete on app.update_recipient to rawabit_admin;

alter table app.update_watermark enable row level security;
alter table app.update_watermark force row level security;
create policy tenant_isolation on app.update_watermark
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.update_watermark to rawabit_platform;
grant select, delete on app.update_watermark to rawabit_admin;
