-- Records of the satisfaction instruments the policy names (field surveys, supervisory visits to offices,
-- interviews, questionnaire campaigns…): when one was held, where, with how many people, what was found
-- and what was decided. Top management's follow-up log of the public complaints link is one more kind,
-- kept even when the policy does not name it as an instrument. Records are kept as written: no updates.
create table app.satisfaction_record (
    tenant_id     uuid        not null,
    id            uuid        not null,
    kind          text        not null check (kind in ('instrument', 'complaints-link-review')),
    -- The policy's instrument id, checked against the policy in force when recorded; none for the log.
    instrument_id text        check (char_length(instrument_id) between 1 and 100),
    held_on       date        not null,
    place         text        check (char_length(place) <= 200),
    participants  integer     check (participants between 0 and 100000),
    findings      text        not null check (char_length(findings) between 1 and 5000),
    actions       text        check (char_length(actions) <= 5000),
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    primary key (tenant_id, id),
    check ((kind = 'instrument') = (instrument_id is not null))
);

-- The latest record per instrument and the list, newest first.
create index satisfaction_record_latest on app.satisfaction_record (tenant_id, kind, instrument_id, held_on desc);

alter table app.satisfaction_record enable row level security;
alter table app.satisfaction_record force row level security;
create policy tenant_isolation on app.satisfaction_record
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.satisfaction_record to rawabit_platform;
grant select, delete on app.satisfaction_record to rawabit_admin;
