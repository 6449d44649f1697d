-- Which tool documents (tool id and the exact version) an officer attached to an inquiry's answer. The
-- version is kept because the beneficiary received that version: a later upload does not change what
-- the answer pointed to. Written in the answer's transaction; never updated.
create table app.inquiry_tool_attachment (
    tenant_id   uuid        not null,
    inquiry_id  uuid        not null,
    tool_id     text        not null check (tool_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version     integer     not null check (version > 0),
    attached_by text        not null,
    attached_at timestamptz not null,
    primary key (tenant_id, inquiry_id, tool_id),
    foreign key (tenant_id, inquiry_id) references app.inquiry (tenant_id, id) on delete cascade
);

alter table app.inquiry_tool_attachment enable row level security;
alter table app.inquiry_tool_attachment force row level security;
create policy tenant_isolation on app.inquiry_tool_attachment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.inquiry_tool_attachment to rawabit_platform;
grant select, delete on app.inquiry_tool_attachment to rawabit_admin;
