-- Periodic questionnaires run online as campaigns (issue #8): top management launches one of the policy's
-- questionnaire instruments to an audience of beneficiaries; each gets a one-time link of the post-case
-- survey's kind (app.survey_invitation, hashed token, answered once, the same public page). The question
-- asked is the campaign's own text with the same 1-5 rating and optional comment.
create table app.survey_campaign (
    tenant_id        uuid        not null,
    id               uuid        not null,
    -- A questionnaire instrument of the policy in force at launch, checked by the platform.
    instrument_id    text        not null check (char_length(instrument_id) between 1 and 100),
    title            text        not null check (char_length(title) between 1 and 200),
    question         text        not null check (char_length(question) between 1 and 1000),
    -- Audience: beneficiaries whose request closed in the last N months, and/or every registered
    -- beneficiary with an agreed channel and consent; one of the two at least.
    closed_within_months smallint check (closed_within_months between 1 and 36),
    all_registered   boolean     not null,
    closes_on        date        not null,
    -- The links stop working at the end of closes_on, Riyadh time.
    expires_at       timestamptz not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    launched_at      timestamptz not null,
    invited_count    integer     not null check (invited_count > 0),
    -- In the audience (consent given) but with no address on their agreed channel: not invited.
    unreachable_count integer    not null check (unreachable_count >= 0),
    primary key (tenant_id, id),
    check (closed_within_months is not null or all_registered),
    check (expires_at > launched_at)
);

create index survey_campaign_latest on app.survey_campaign (tenant_id, instrument_id, launched_at desc);

alter table app.survey_campaign enable row level security;
alter table app.survey_campaign force row level security;
create policy tenant_isolation on app.survey_campaign
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert on app.survey_campaign to rawabit_platform;
grant select, delete on app.survey_campaign to rawabit_admin;

-- A campaign's invitation names its campaign and beneficiary instead of a case: one per beneficiary and
-- campaign. A case survey keeps its kind and case, and its unique rule (tenant, case kind, case).
alter table app.survey_invitation
    add column campaign_id    uuid,
    add column beneficiary_id uuid,
    alter column case_kind drop not null,
    alter column case_id drop not null,
    add constraint survey_invitation_campaign foreign key (tenant_id, campaign_id)
        references app.survey_campaign (tenant_id, id),
    add constraint survey_invitation_case_or_campaign check (
        (campaign_id is null and beneficiary_id is null and case_kind is not null and case_id is not null)
        or (campaign_id is not null and beneficiary_id is not null and case_kind is null and case_id is null)),
    add constraint survey_invitation_once_per_campaign unique (tenant_id, campaign_id, beneficiary_id);

-- National oversight keeps counting the post-case survey only (OVERSIGHT.md): campaign answers come from
-- audiences top management chooses, so they would change what survey_response_rate means between
-- associations. The aggregator's policy hides campaign rows; its column grants stay as V60.1 set them
-- (a policy's condition is not checked against the querying role's column privileges).
alter policy oversight_aggregates on app.survey_invitation using (campaign_id is null);
