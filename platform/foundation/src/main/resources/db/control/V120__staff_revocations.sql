-- When a person's membership or roles in an association last changed (removed, re-roled). Every credential
-- issued before that moment - a page session's ID token, an API access token, a live stream opened with
-- either - is refused by the platform and the console from then on; signing in again yields a credential
-- with the new roles (or none). One row per person and association, overwritten on each change, so the
-- table stays as small as the staff list. tenant-admin writes it; both planes read it (short cache).
create table control.staff_revocation (
    tenant_id   uuid        not null references control.tenant (id) on delete cascade,
    -- Keycloak's user id: the `sub` of every token the person holds.
    subject     text        not null check (length(subject) between 1 and 100),
    revoked_at  timestamptz not null,
    reason      text        not null check (reason in ('removed', 'roles-changed')),
    primary key (tenant_id, subject)
);

alter table control.staff_revocation enable row level security;
alter table control.staff_revocation force row level security;
create policy tenant_isolation on control.staff_revocation
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on control.staff_revocation to rawabit_admin;
grant select on control.staff_revocation to rawabit_platform;
