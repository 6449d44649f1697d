-- Two tables every case feature writes to in its own transaction, and the platform's background
-- worker reads across associations:
--   app.outbox   - every change staff must see, in commit order; replicas fan it out to dashboards
--                  (Server-Sent Events, event id = outbox id, replay by Last-Event-ID).
--   app.deadline - one row per running clock of the policy (e.g. "answer within 15 working days").
-- Staff transactions see only their own association's rows (tenant_isolation). The worker role
-- (rawabit_worker, no user behind it) has a policy of its own on exactly these two tables and no
-- grant on anything else: the sweeper claims due clocks of every association, the fan-out reads
-- new outbox rows of every association and delivers each only to that association's streams.

create table app.outbox (
    tenant_id    uuid        not null,
    id           bigint      generated always as identity,
    occurred_at  timestamptz not null,
    topic        text        not null check (topic ~ '^[a-z-]+(\.[a-z-]+)+$'),
    subject_type text        not null,
    subject_id   uuid        not null,
    audience     text[]      not null default '{}',
    payload      jsonb       not null default '{}'::jsonb,
    primary key (tenant_id, id)
);
-- The fan-out reads "everything after id N" across associations; replay reads one association's.
create index outbox_after on app.outbox (id);

alter table app.outbox enable row level security;
alter table app.outbox force row level security;
create policy tenant_isolation on app.outbox
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.outbox to rawabit_worker using (true) with check (true);
grant select, insert on app.outbox to rawabit_platform;
grant select, insert on app.outbox to rawabit_worker;
grant select, delete on app.outbox to rawabit_admin;

create table app.deadline (
    tenant_id      uuid        not null,
    id             uuid        not null,
    subject_type   text        not null,
    subject_id     uuid        not null,
    kind           text        not null,
    policy_version uuid,
    starts_at      timestamptz not null,
    not_before     timestamptz,
    warn_at        timestamptz,
    due_at         timestamptz not null,
    escalate_at    timestamptz,
    escalate_to    text,
    state          text        not null default 'running'
                               check (state in ('running', 'warned', 'breached', 'escalated', 'met', 'cancelled')),
    next_fire_at   timestamptz,
    updated_at     timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, subject_type, subject_id, kind),
    check (warn_at is null or warn_at <= due_at),
    check (escalate_at is null or escalate_at >= due_at),
    -- A clock that has finished has nothing left to fire.
    check (state not in ('met', 'cancelled', 'escalated') or next_fire_at is null)
);
-- A sweep reads only what is due: the partial index holds clocks with something left to fire.
create index deadline_next_fire on app.deadline (next_fire_at) where next_fire_at is not null;

alter table app.deadline enable row level security;
alter table app.deadline force row level security;
create policy tenant_isolation on app.deadline
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy worker_all_associations on app.deadline to rawabit_worker using (true) with check (true);
grant select, insert, update on app.deadline to rawabit_platform;
grant select, update on app.deadline to rawabit_worker;
grant select, delete on app.deadline to rawabit_admin;

grant usage on schema app to rawabit_worker;
