-- The outbox keeps a bounded replay window. The purge job (worker role) deletes rows older than the
-- window that every reaction has handled, and records per association the highest event id it purged:
-- a stream asking to replay from an id at or below it may have missed events and is told so
-- (`replay-gap`) instead of silently skipping them.
grant delete on app.outbox to rawabit_worker;

create table app.outbox_purge (
    tenant_id      uuid        not null,
    purged_through bigint      not null,
    purged_at      timestamptz not null,
    primary key (tenant_id)
);
alter table app.outbox_purge enable row level security;
alter table app.outbox_purge force row level security;
create policy tenant_isolation on app.outbox_purge
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.outbox_purge to rawabit_worker using (true) with check (true);
grant select on app.outbox_purge to rawabit_platform;
grant select, insert, update on app.outbox_purge to rawabit_worker;
grant select, delete on app.outbox_purge to rawabit_admin;
