-- The post-case survey ("قياس رضا المستفيدين" after each closed case): one invitation per closed request
-- or complaint, sent once on the beneficiary's agreed channel with a one-time link. Only a SHA-256 hash of
-- the link's token is stored, so a leaked table cannot be used to answer for anyone. Answered once: the
-- rating and the time it was given are set together and never again.
create table app.survey_invitation (
    tenant_id   uuid        not null,
    id          uuid        not null,
    case_kind   text        not null check (case_kind in ('request', 'complaint')),
    case_id     uuid        not null,
    token_hash  text        not null,
    channel     text        not null,
    -- What the messaging port did with the link: sent, failed, no-consent, no-address, in-person.
    delivery    text,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    answered_at timestamptz,
    rating      smallint    check (rating between 1 and 5),
    comment     text        check (char_length(comment) <= 2000),
    primary key (tenant_id, id),
    -- One invitation per case, however many replicas hear that it closed.
    unique (tenant_id, case_kind, case_id),
    unique (tenant_id, token_hash),
    check ((answered_at is null) = (rating is null)),
    check (expires_at > sent_at)
);

-- The results read by association and month.
create index survey_invitation_month on app.survey_invitation (tenant_id, sent_at);

alter table app.survey_invitation enable row level security;
alter table app.survey_invitation force row level security;
create policy tenant_isolation on app.survey_invitation
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update on app.survey_invitation to rawabit_platform;
grant select, delete on app.survey_invitation to rawabit_admin;
