-- Typed events between modules ride on the outbox row the business transaction writes: `events` holds
-- each as {"type": ..., "data": {...}}, `event_types` their names, so a reaction reads only the rows
-- that carry its type. A row may carry none (a notice for dashboards only).
alter table app.outbox add column events jsonb not null default '[]'::jsonb;
alter table app.outbox add column event_types text[] not null default '{}';
create index outbox_event_types on app.outbox using gin (event_types);

-- Where each reaction (post-case survey, complaint escalation, ...) stands in the outbox, in the
-- fan-out's (txid, id) order: persisted, so events committed while no replica ran are handled when one
-- starts. A replica leases a reaction's row (leased_by/leased_until) while it works; a dead replica's
-- lease runs out and another carries on. A failed event sets retry_at (exponential backoff) and keeps
-- the position before it. Not an association's data: only the worker role reads or writes it.
create table app.reaction_cursor (
    reaction     text        primary key,
    txid         bigint      not null,
    id           bigint      not null,
    leased_by    text,
    leased_until timestamptz,
    failures     integer     not null default 0,
    retry_at     timestamptz,
    last_error   text,
    updated_at   timestamptz not null
);
alter table app.reaction_cursor enable row level security;
alter table app.reaction_cursor force row level security;
create policy worker_only on app.reaction_cursor to rawabit_worker using (true) with check (true);
grant select, insert, update on app.reaction_cursor to rawabit_worker;
