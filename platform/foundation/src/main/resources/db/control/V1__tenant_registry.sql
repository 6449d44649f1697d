-- The control plane's tenant registry: one row per association. Migrated by tenant-admin (it owns
-- schema `control`); shipped in the shared foundation jar so the platform's tests can build the same
-- database. The registry is the list of tenants, not a tenant-owned table, so it has no tenant_id
-- and no row-level security; the platform may only read it.
create table control.tenant (
    id                uuid        primary key,
    slug              text        not null unique
                                  check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
    name_ar           text        not null check (length(btrim(name_ar)) between 1 and 200),
    name_en           text        not null check (length(btrim(name_en)) between 1 and 200),
    licence_authority text        not null check (length(btrim(licence_authority)) between 1 and 100),
    licence_number    text        not null check (length(btrim(licence_number)) between 1 and 50),
    region            text        not null check (length(btrim(region)) between 1 and 100),
    status            text        not null default 'active'
                                  check (status in ('active', 'suspended', 'offboarded')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (licence_authority, licence_number)
);

comment on table control.tenant is 'Associations (tenants). Status gates every request of their users.';

grant usage on schema control to rawabit_platform, rawabit_admin;
grant select, insert, update, delete on control.tenant to rawabit_admin;
grant select on control.tenant to rawabit_platform;
