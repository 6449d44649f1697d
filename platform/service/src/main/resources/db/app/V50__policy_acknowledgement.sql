-- Staff acknowledgement of the policy in force ("قرأت السياسة وألتزم بها"): one row per staff member
-- (the token's subject) and policy version, with the exact statement they ticked. A new version in
-- force has no rows yet, so everyone acknowledges again. Append-only for the platform: an
-- acknowledgement once given is history, never rewritten. No foreign key to control.policy_version:
-- that table is the control plane's; the platform only ever writes the version it serves in force.
create table app.policy_acknowledgement (
    tenant_id       uuid        not null,
    policy_version  uuid        not null,
    subject         text        not null check (length(subject) between 1 and 255),
    username        text        not null check (length(username) between 1 and 255),
    policy_number   integer     not null check (policy_number > 0),
    statement       text        not null check (length(btrim(statement)) between 1 and 500),
    acknowledged_at timestamptz not null,
    primary key (tenant_id, policy_version, subject)
);

alter table app.policy_acknowledgement enable row level security;
alter table app.policy_acknowledgement force row level security;
create policy tenant_isolation on app.policy_acknowledgement
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.policy_acknowledgement to rawabit_platform;
grant select, delete on app.policy_acknowledgement to rawabit_admin;
