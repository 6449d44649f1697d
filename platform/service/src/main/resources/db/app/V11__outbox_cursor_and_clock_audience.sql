-- The fan-out must never skip a row. Outbox ids are handed out before commit, so a row with a smaller
-- id can become visible after a larger one: "id > last" would lose it. Each row also records the
-- writing transaction's id; a reader only takes rows whose transaction is older than every running
-- one (txid < xmin of its snapshot) - no later commit can ever sort before them - and walks in
-- (txid, id) order. Event ids stay the outbox ids.
alter table app.outbox add column txid bigint not null default (pg_current_xact_id()::text::bigint);
create index outbox_cursor on app.outbox (txid, id);
create index outbox_replay on app.outbox (tenant_id, txid, id);

-- Whose dashboards a clock's warning and breach reach (escalation also reaches escalate_to).
alter table app.deadline add column audience text[] not null default '{}';
