-- The association's tools its policy names (bylaws, social research guide, support policy guide, forms)
-- as documents the tenant administrator uploads. Every upload is a new version; versions are never
-- edited, so an answer that attached version 2 of a form still opens exactly what the beneficiary got.
-- The control plane writes them; the platform reads them to show staff, attach to answers, offer the
-- public ones on the association's public page and tell beneficiaries a document they rely on changed.
create table control.tool_document (
    tenant_id    uuid        not null references control.tenant (id) on delete cascade,
    tool_id      text        not null check (tool_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version      integer     not null check (version > 0),
    file_name    text        not null check (length(btrim(file_name)) between 1 and 200),
    -- Checked against the file's first bytes on upload, not trusted from the browser.
    media_type   text        not null check (media_type in ('application/pdf',
                                 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                                 'image/png', 'image/jpeg')),
    size_bytes   integer     not null check (size_bytes between 1 and 10485760),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea       not null,
    -- Beneficiaries may download it from the association's public page (bylaws and forms usually are;
    -- an internal research guide usually is not).
    public       boolean     not null,
    -- What changed, in the administrator's words: the update notice to beneficiaries quotes it.
    change_note  text        check (length(btrim(change_note)) between 1 and 500),
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null,
    primary key (tenant_id, tool_id, version),
    check (octet_length(content) = size_bytes)
);

alter table control.tool_document enable row level security;
alter table control.tool_document force row level security;
create policy tenant_isolation on control.tool_document
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- No update for anyone: a version is immutable. Delete only serves offboarding's export-then-delete.
grant select, insert, delete on control.tool_document to rawabit_admin;
grant select on control.tool_document to rawabit_platform;
