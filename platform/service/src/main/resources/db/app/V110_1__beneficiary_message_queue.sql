-- Messages to beneficiaries as a durable queue. The row is written in the transaction that made the
-- news (a decision, an answer, a survey invitation, an update notice), so the message exists if and
-- only if the news does; a sender (worker role) claims due rows with FOR UPDATE SKIP LOCKED, sends
-- through the port, records every attempt, retries with exponential backoff up to a limit, and
-- settles the row as sent or not-sent (then staff see it on their dashboards). The row id is the
-- idempotency key every attempt passes to the receiver (SMS webhook header, e-mail Message-ID).
create table app.beneficiary_message (
    tenant_id       uuid        not null,
    id              uuid        not null,
    purpose         text        not null,
    reference       uuid        not null,
    about_type      text        not null,
    about_id        uuid        not null,
    audience        text[]      not null default '{}',
    channel         text        not null check (channel in ('email', 'phone')),
    address         text        not null,
    subject         text        not null,
    body            text        not null,
    state           text        not null default 'queued' check (state in ('queued', 'sent', 'not-sent')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_detail     text,
    created_at      timestamptz not null,
    settled_at      timestamptz,
    primary key (tenant_id, id),
    check ((state = 'queued') = (settled_at is null))
);
-- The sender reads only what is due: the partial index holds the queued rows.
create index beneficiary_message_due on app.beneficiary_message (next_attempt_at) where state = 'queued';

create table app.beneficiary_message_attempt (
    tenant_id   uuid        not null,
    message_id  uuid        not null,
    number      integer     not null check (number > 0),
    at          timestamptz not null,
    outcome     text        not null check (outcome in ('sent', 'failed')),
    detail      text,
    primary key (tenant_id, message_id, number),
    foreign key (tenant_id, message_id) references app.beneficiary_message (tenant_id, id) on delete cascade
);

alter table app.beneficiary_message enable row level security;
alter table app.beneficiary_message force row level security;
create policy tenant_isolation on app.beneficiary_message
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.beneficiary_message to rawabit_worker using (true) with check (true);
grant select, insert on app.beneficiary_message to rawabit_platform;
grant select, update on app.beneficiary_message to rawabit_worker;
grant select, delete on app.beneficiary_message to rawabit_admin;

alter table app.beneficiary_message_attempt enable row level security;
alter table app.beneficiary_message_attempt force row level security;
create policy tenant_isolation on app.beneficiary_message_attempt
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.beneficiary_message_attempt to rawabit_worker
    using (true) with check (true);
grant select on app.beneficiary_message_attempt to rawabit_platform;
grant select, insert on app.beneficiary_message_attempt to rawabit_worker;
grant select, delete on app.beneficiary_message_attempt to rawabit_admin;

-- The cases' own logs say "queued" until the sender settles the message, then its outcome.
alter table app.request_message drop constraint request_message_outcome_check;
alter table app.request_message add constraint request_message_outcome_check
    check (outcome in ('queued', 'sent', 'failed', 'in-person', 'no-consent', 'no-address'));
alter table app.request_message add column message_id uuid;
alter table app.update_recipient drop constraint update_recipient_outcome_check;
alter table app.update_recipient add constraint update_recipient_outcome_check
    check (outcome in ('pending', 'queued', 'sent', 'failed', 'no-consent', 'no-address', 'in-person'));
grant update (outcome, sent_at) on app.request_message to rawabit_platform;
