-- Inquiries ("استقبال الاستفسارات والرد عليها"): a question a beneficiary asks on any channel the policy
-- enables, routed to the contact officer the policy names for its beneficiary category and field of the
-- association, and answered on the channel agreed with the person. A linked beneficiary or an anonymous
-- contact (name and agreed channel), never neither.
create table app.inquiry (
    tenant_id        uuid        not null,
    id               uuid        not null,
    channel          text        not null,
    state            text        not null check (state in ('open', 'answered')),
    question         text        not null check (length(btrim(question)) between 1 and 5000),
    beneficiary_id   uuid,
    contact_name     text        check (length(btrim(contact_name)) between 1 and 200),
    contact_channel  text,
    contact_phone    text        check (length(contact_phone) <= 40),
    contact_email    text        check (length(contact_email) <= 200),
    category         text        check (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    field            text        check (field ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    assigned_role    text,
    assigned_staff   text,
    received_by      text        not null,
    policy_version   uuid,
    -- The last day to answer under the policy's answer deadline; null when the policy sets none.
    answer_due_by    date,
    answer           text        check (length(btrim(answer)) between 1 and 5000),
    answered_by      text,
    answered_at      timestamptz,
    delivery_channel text,
    delivery_outcome text,
    received_at      timestamptz not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, beneficiary_id) references app.beneficiary (tenant_id, id),
    check (beneficiary_id is not null or (contact_name is not null and contact_channel is not null)),
    -- A contact officer is a role or one named staff member, as the policy's map says; never both.
    check (num_nonnulls(assigned_role, assigned_staff) = 1),
    check ((state = 'answered') = (answer is not null and answered_by is not null and answered_at is not null))
);

-- The officers' queues: open inquiries of one association, oldest first.
create index inquiry_queue on app.inquiry (tenant_id, state, received_at);

alter table app.inquiry enable row level security;
alter table app.inquiry force row level security;
create policy tenant_isolation on app.inquiry
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.inquiry to rawabit_platform;
grant select, delete on app.inquiry to rawabit_admin;

-- Who held the inquiry and when: the routing at receipt and every reassignment after it. Append-only
-- for the platform, so top management's supervision reads a history nobody rewrote.
create table app.inquiry_assignment (
    tenant_id      uuid        not null,
    inquiry_id     uuid        not null,
    id             uuid        not null,
    assigned_role  text,
    assigned_staff text,
    reason         text        not null check (length(btrim(reason)) between 1 and 500),
    assigned_by    text        not null,
    assigned_at    timestamptz not null,
    -- Insertion order: two assignments in one instant (routing, then an immediate handover) stay in order.
    recorded       bigint      generated always as identity,
    primary key (tenant_id, inquiry_id, id),
    foreign key (tenant_id, inquiry_id) references app.inquiry (tenant_id, id),
    check (num_nonnulls(assigned_role, assigned_staff) = 1)
);

alter table app.inquiry_assignment enable row level security;
alter table app.inquiry_assignment force row level security;
create policy tenant_isolation on app.inquiry_assignment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.inquiry_assignment to rawabit_platform;
grant select, delete on app.inquiry_assignment to rawabit_admin;
