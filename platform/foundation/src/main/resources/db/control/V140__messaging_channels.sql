-- The association's own accounts on channels that send (issue 18): today WhatsApp Business through the
-- Cloud API (POST {base_url}/{phone_number_id}/messages with a bearer token). The tenant administrator
-- sets them in tenant-admin; the platform reads them to tell beneficiaries who agreed to that channel.
-- The token is sealed (AES-256-GCM, the association's id as authenticated data) before it gets here and
-- is never shown again: tenant-admin answers only whether one is set.
create table control.messaging_channel (
    tenant_id        uuid        not null references control.tenant (id) on delete cascade,
    kind             text        not null check (kind in ('whatsapp')),
    base_url         text        not null check (base_url ~ '^https?://'),
    phone_number_id  text        not null check (phone_number_id ~ '^[0-9]{1,32}$'),
    token_sealed     bytea       not null check (octet_length(token_sealed) between 29 and 8192),
    updated_by       text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, kind)
);

alter table control.messaging_channel enable row level security;
alter table control.messaging_channel force row level security;
create policy tenant_isolation on control.messaging_channel
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on control.messaging_channel to rawabit_admin;
grant select on control.messaging_channel to rawabit_platform;
