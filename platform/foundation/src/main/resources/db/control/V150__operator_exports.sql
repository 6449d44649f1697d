-- Who among the platform's operators exported an association's data, and when (issue 17). An export
-- holds every row the association has, so its tenant administrator can see each one in the console's
-- API. Written by tenant-admin in the same transaction that reads the rows it exports, so a row here
-- means the export was read, and the export itself contains the record of it. The control plane keeps
-- its own record rather than writing into the platform's app.audit_event: tenant-admin only ever reads
-- and deletes in the app schema (app V2), and an operator is not a member of the association.
create table control.operator_export (
    tenant_id   uuid        not null references control.tenant (id) on delete cascade,
    id          uuid        not null,
    exported_by text        not null check (length(exported_by) between 1 and 255),
    exported_at timestamptz not null,
    primary key (tenant_id, id)
);

alter table control.operator_export enable row level security;
alter table control.operator_export force row level security;
create policy tenant_isolation on control.operator_export
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Append-only but for offboarding, which deletes everything the association had.
grant select, insert, delete on control.operator_export to rawabit_admin;
