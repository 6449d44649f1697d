-- A beneficiary's request, from reception to service delivery, under the policy version it was
-- opened with. Every table: tenant_id leads its keys, RLS enabled and forced with the same
-- tenant_isolation policy as V1, select+delete for rawabit_admin (offboarding). Tables that record
-- what happened (declaration, votes, decision, attachments, messages) are append-only for the platform.

create table app.request (
    tenant_id        uuid        not null,
    id               uuid        not null,
    beneficiary_id   uuid        not null,
    service_id       text        not null,
    channel          text        not null,
    policy_version   uuid        not null,
    policy_number    integer     not null,
    status           text        not null,
    stage_id         text,
    pending_role     text,
    outcome          text        check (outcome in ('approved', 'rejected')),
    checklist_size   integer     not null check (checklist_size >= 0),
    checklist_done   integer[]   not null default '{}',
    received_at      timestamptz not null,
    received_by      text        not null,
    completed_at     timestamptz,
    closed_at        timestamptz,
    updated_at       timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, beneficiary_id) references app.beneficiary (tenant_id, id),
    -- "An incomplete request can never reach the committee": only a completed request moves on.
    check (status in ('incomplete', 'closed') or completed_at is not null)
);
create index request_queue on app.request (tenant_id, pending_role, status, received_at);
create index request_beneficiary on app.request (tenant_id, beneficiary_id);

create table app.request_deadline (
    tenant_id    uuid    not null,
    request_id   uuid    not null,
    deadline_id  text    not null,
    starts_at    text    not null,
    ends_at      text,
    unit         text    not null check (unit in ('working-days', 'calendar-days')),
    started_on   date    not null,
    not_before   date,
    warn_on      date,
    due_by       date,
    met_on       date,
    primary key (tenant_id, request_id, deadline_id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id),
    check (not_before is not null or due_by is not null)
);
create index request_deadline_due on app.request_deadline (tenant_id, due_by) where met_on is null;

create table app.request_declaration (
    tenant_id      uuid        not null,
    request_id     uuid        not null,
    stage_id       text        not null,
    text           text        not null,
    text_version   text        not null,
    channel        text        not null,
    witnessed_by   text        not null,
    signed_at      timestamptz not null,
    primary key (tenant_id, request_id, stage_id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id)
);

create table app.request_referral (
    tenant_id    uuid        not null,
    request_id   uuid        not null,
    id           uuid        not null,
    question     text        not null,
    asked_by     text        not null,
    asked_at     timestamptz not null,
    answer       text,
    answered_by  text,
    answered_at  timestamptz,
    primary key (tenant_id, request_id, id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id),
    check ((answer is null) = (answered_at is null))
);

create table app.request_vote (
    tenant_id   uuid        not null,
    request_id  uuid        not null,
    member      text        not null,
    vote        text        not null check (vote in ('approve', 'reject')),
    reason      text        not null,
    voted_at    timestamptz not null,
    primary key (tenant_id, request_id, member),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id)
);

create table app.request_decision (
    tenant_id    uuid        not null,
    request_id   uuid        not null,
    outcome      text        not null check (outcome in ('approved', 'rejected')),
    reasons      text        not null,
    minutes      text        not null,
    quorum       integer     not null,
    members      text[]      not null,
    approvals    integer     not null,
    rejections   integer     not null,
    decided_by   text        not null,
    decided_at   timestamptz not null,
    primary key (tenant_id, request_id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id)
);

-- Bytes live in the database, not on disk: they then share the request's RLS policy, its
-- transaction, its backups and offboarding's export-and-delete, and N replicas need no shared volume.
-- The size limit (rawabit.requests.attachment-max-bytes, 5 MiB) keeps this reasonable.
create table app.request_attachment (
    tenant_id       uuid        not null,
    request_id      uuid        not null,
    id              uuid        not null,
    file_name       text        not null,
    content_type    text        not null,
    size_bytes      integer     not null check (size_bytes > 0),
    sha256          text        not null,
    checklist_item  integer,
    content         bytea       not null,
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null,
    primary key (tenant_id, request_id, id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id)
);

-- What the beneficiary was told, on which channel, and whether the port accepted it.
create table app.request_message (
    tenant_id    uuid        not null,
    request_id   uuid        not null,
    id           bigint      generated always as identity,
    channel      text        not null,
    outcome      text        not null check (outcome in ('sent', 'failed', 'in-person', 'no-consent', 'no-address')),
    topic        text        not null,
    detail       text,
    sent_at      timestamptz not null,
    primary key (tenant_id, request_id, id),
    foreign key (tenant_id, request_id) references app.request (tenant_id, id)
);

-- Row-level security and grants, the same for every request table.

alter table app.request enable row level security;
alter table app.request force row level security;
create policy tenant_isolation on app.request
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.request to rawabit_platform;
grant select, delete on app.request to rawabit_admin;
alter table app.request_deadline enable row level security;
alter table app.request_deadline force row level security;
create policy tenant_isolation on app.request_deadline
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.request_deadline to rawabit_platform;
grant select, delete on app.request_deadline to rawabit_admin;
alter table app.request_declaration enable row level security;
alter table app.request_declaration force row level security;
create policy tenant_isolation on app.request_declaration
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.request_declaration to rawabit_platform;
grant select, delete on app.request_declaration to rawabit_admin;
alter table app.request_referral enable row level security;
alter table app.request_referral force row level security;
create policy tenant_isolation on app.request_referral
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.request_referral to rawabit_platform;
grant select, delete on app.request_referral to rawabit_admin;
alter table app.request_vote enable row level security;
alter table app.request_vote force row level security;
create policy tenant_isolation on app.request_vote
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.request_vote to rawabit_platform;
grant select, delete on app.request_vote to rawabit_admin;
alter table app.request_decision enable row level security;
alter table app.request_decision force row level security;
create policy tenant_isolation on app.request_decision
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.request_decision to rawabit_platform;
grant select, delete on app.request_decision to rawabit_admin;
alter table app.request_attachment enable row level security;
alter table app.request_attachment force row level security;
create policy tenant_isolation on app.request_attachment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.request_attachment to rawabit_platform;
grant select, delete on app.request_attachment to rawabit_admin;
alter table app.request_message enable row level security;
alter table app.request_message force row level security;
create policy tenant_isolation on app.request_message
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.request_message to rawabit_platform;
grant select, delete on app.request_message to rawabit_admin;
