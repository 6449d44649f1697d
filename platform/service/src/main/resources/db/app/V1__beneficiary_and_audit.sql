-- Schema `app` is the application plane's, migrated by the platform as rawabit_owner. Every
-- tenant-owned table: tenant_id leads its keys (ready to shard by tenant on Citus), row-level
-- security ENABLED and FORCED, one policy on the transaction-local app.tenant_id for reads and
-- writes alike. nullif(..., '') makes "never set" and "reset to empty on a reused connection"
-- behave the same: no tenant, no rows.
grant usage on schema app to rawabit_platform;

create table app.beneficiary (
    tenant_id    uuid        not null,
    id           uuid        not null,
    national_id  text        not null check (national_id ~ '^[12][0-9]{9}$'),
    full_name    text        not null check (length(btrim(full_name)) between 1 and 200),
    phone        text,
    email        text,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, national_id)
);

alter table app.beneficiary enable row level security;
alter table app.beneficiary force row level security;
create policy tenant_isolation on app.beneficiary
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update, delete on app.beneficiary to rawabit_platform;

-- Append-only: the platform may add and read, never change or remove what happened.
create table app.audit_event (
    tenant_id      uuid        not null,
    id             bigint      generated always as identity,
    occurred_at    timestamptz not null,
    actor          text        not null,
    action         text        not null,
    subject_type   text        not null,
    subject_id     uuid        not null,
    from_state     text,
    to_state       text,
    policy_version text,
    detail         jsonb       not null default '{}'::jsonb,
    primary key (tenant_id, id)
);
create index audit_event_subject on app.audit_event (tenant_id, subject_type, subject_id, id);

alter table app.audit_event enable row level security;
alter table app.audit_event force row level security;
create policy tenant_isolation on app.audit_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.audit_event to rawabit_platform;
