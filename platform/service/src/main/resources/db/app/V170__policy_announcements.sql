-- Which published policy versions were announced as a durable `policy.published` event (issue 15). The
-- control plane publishes and cannot write this plane's outbox, so the first replica to put a version in
-- force records it here and writes the event in the same worker transaction; the primary key makes every
-- later attempt (another replica, a restart) a no-op. Same tenant_isolation policy as every table;
-- select+delete for rawabit_admin (offboarding).
create table app.policy_announcement (
    tenant_id    uuid        not null,
    version_id   uuid        not null,
    number       integer     not null,
    announced_at timestamptz not null,
    primary key (tenant_id, version_id)
);

alter table app.policy_announcement enable row level security;
alter table app.policy_announcement force row level security;
create policy tenant_isolation on app.policy_announcement
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.policy_announcement to rawabit_worker using (true) with check (true);
grant select on app.policy_announcement to rawabit_platform;
grant select, insert on app.policy_announcement to rawabit_worker;
grant select, delete on app.policy_announcement to rawabit_admin;
