-- An officer's absence covered by a delegate for a date range: while it runs, inquiries the policy's
-- contact-officer map routes to the absent staff member go to the delegate, and the delegate may act on
-- the absent officer's open inquiries. Days are the association's (Asia/Riyadh), first and last inclusive.
-- Top management adds and cancels delegations; a cancelled one stays as written, with who cancelled it.
create table app.officer_delegation (
    tenant_id      uuid        not null,
    id             uuid        not null,
    absent_staff   text        not null check (length(btrim(absent_staff)) between 1 and 200),
    delegate_staff text        not null check (length(btrim(delegate_staff)) between 1 and 200),
    first_day      date        not null,
    last_day       date        not null,
    reason         text        check (length(btrim(reason)) between 1 and 500),
    created_by     text        not null,
    created_at     timestamptz not null,
    cancelled_by   text,
    cancelled_at   timestamptz,
    primary key (tenant_id, id),
    check (last_day >= first_day),
    check (absent_staff <> delegate_staff),
    check ((cancelled_by is null) = (cancelled_at is null))
);

-- Routing and "mine" ask which delegations run on a day, for an absent officer or for a delegate.
create index officer_delegation_absent on app.officer_delegation (tenant_id, absent_staff, last_day);
create index officer_delegation_delegate on app.officer_delegation (tenant_id, delegate_staff, last_day);

alter table app.officer_delegation enable row level security;
alter table app.officer_delegation force row level security;
create policy tenant_isolation on app.officer_delegation
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.officer_delegation to rawabit_platform;
grant update (cancelled_by, cancelled_at) on app.officer_delegation to rawabit_platform;
grant select, delete on app.officer_delegation to rawabit_admin;

-- Reasons the system writes into the assignment history are codes, shown in the reader's language:
-- 'routed' (the policy's contact-officer map) and 'delegated' (to the delegate of the absent officer named
-- in covering_for). Reasons people type stay as typed in reason.
alter table app.inquiry_assignment
    add column reason_code  text check (reason_code in ('routed', 'delegated')),
    add column covering_for text check (length(btrim(covering_for)) between 1 and 200),
    alter column reason drop not null,
    add constraint inquiry_assignment_reason_given check (num_nonnulls(reason, reason_code) >= 1),
    add constraint inquiry_assignment_covering check (coalesce(reason_code = 'delegated', false) = (covering_for is not null));

update app.inquiry_assignment set reason_code = 'routed', reason = null
where reason = 'routed by the policy''s contact-officer map';
