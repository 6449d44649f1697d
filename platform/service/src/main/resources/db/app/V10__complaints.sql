-- Complaints and disputes (the policy's "complaints" and "compensation" sections). Filed through the
-- association's public link or logged by staff from fax, phone or letters; handled by the policy's
-- committee. The tracking code is the only handle the public has: long, random, unique per association.
create table app.complaint (
    tenant_id        uuid        not null,
    id               uuid        not null,
    tracking_code    text        not null check (tracking_code ~ '^[A-Z2-7]{20}$'),
    channel          text        not null,
    state            text        not null
                                 check (state in ('received', 'acknowledged', 'escalated', 'settled', 'resolved')),
    complainant_name text        not null check (length(btrim(complainant_name)) between 1 and 200),
    contact          text        check (length(contact) <= 200),
    subject          text        not null check (length(btrim(subject)) between 1 and 200),
    description      text        not null check (length(btrim(description)) between 1 and 5000),
    received_by      text        not null,
    policy_version   uuid,
    settlement       text,
    resolution       text,
    received_at      timestamptz not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, tracking_code)
);

alter table app.complaint enable row level security;
alter table app.complaint force row level security;
create policy tenant_isolation on app.complaint
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.complaint to rawabit_platform;
grant select, delete on app.complaint to rawabit_admin;

-- A compensation case exists only with every condition of the policy evidenced; the checks make the
-- database refuse a half-evidenced row even if the code that guards it is wrong.
create table app.compensation_case (
    tenant_id           uuid        not null,
    complaint_id        uuid        not null,
    harm_by_association boolean     not null check (harm_by_association),
    minutes_reference   text        not null check (length(btrim(minutes_reference)) > 0),
    minutes_dated       date        not null,
    minutes_signed      boolean     not null check (minutes_signed),
    ruling_reference    text        not null check (length(btrim(ruling_reference)) > 0),
    negotiation_record  text        not null check (length(btrim(negotiation_record)) > 0),
    policy_version      uuid,
    opened_by           text        not null,
    opened_at           timestamptz not null,
    primary key (tenant_id, complaint_id),
    foreign key (tenant_id, complaint_id) references app.complaint (tenant_id, id)
);

alter table app.compensation_case enable row level security;
alter table app.compensation_case force row level security;
create policy tenant_isolation on app.compensation_case
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.compensation_case to rawabit_platform;
grant select, delete on app.compensation_case to rawabit_admin;
