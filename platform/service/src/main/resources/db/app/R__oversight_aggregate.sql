-- The national aggregate behind oversight (OVERSIGHT.md): the one definition of
-- oversight.association_indicators(). Change it here, not in a new versioned migration: Flyway runs this
-- file again after the versioned ones whenever its text changes. V40, V60.1 and V76 are its history
-- (V76 is the definition this file started from, unchanged); V77 keeps its result in a snapshot, V78
-- fixed who may run it.
--
-- "create or replace" keeps the function's owner, privileges and the snapshot that depends on it; it
-- cannot change the result columns (that needs a versioned migration that drops and recreates the
-- snapshot and the view, then this file). The function belongs to oversight_aggregator, so it is
-- replaced as that role, which may create in the schema only for the moment of the change.

grant usage, create on schema oversight to oversight_aggregator;
set role oversight_aggregator;

create or replace function oversight.association_indicators()
returns table (
    association_slug         text,
    name_ar                  text,
    name_en                  text,
    region                   text,
    licence_authority        text,
    status                   text,
    policy_number            integer,
    policy_published_at      timestamptz,
    policy_approved_on       date,
    policy_approved_on_hijri text,
    requests_received        bigint,
    requests_decided         bigint,
    median_decision_working_days numeric,
    deadline_cases           bigint,
    within_deadline_share    numeric,
    complaints_filed         bigint,
    complaints_resolved      bigint,
    complaints_escalated     bigint,
    median_resolution_days   numeric,
    survey_responses         bigint,
    survey_response_rate     numeric,
    satisfaction_average     numeric,
    acknowledged_staff       bigint,
    suppressed               text[]
)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
with requests as (
    select r.tenant_id, count(*) as received, count(d.request_id) as decided,
           count(d.working_days) as timed,
           percentile_cont(0.5) within group (order by d.working_days) as median_decision
    from app.request r
    left join app.request_decision d on d.tenant_id = r.tenant_id and d.request_id = r.id
    group by r.tenant_id
), deadlines as (
    select tenant_id,
           count(*) filter (where met_on is not null or due_by < (now() at time zone 'Asia/Riyadh')::date) as cases,
           count(*) filter (where met_on <= due_by) as in_time
    from app.request_deadline
    where due_by is not null
    group by tenant_id
), complaints as (
    select c.tenant_id, count(*) as filed,
           count(*) filter (where c.state in ('settled', 'resolved')) as resolved,
           count(*) filter (where c.state = 'escalated' or exists (
               select 1 from app.audit_event a
               where a.tenant_id = c.tenant_id and a.subject_type = 'complaint' and a.subject_id = c.id
                 and a.to_state = 'escalated')) as escalated,
           percentile_cont(0.5) within group (order by case when c.state in ('settled', 'resolved')
               then extract(epoch from c.updated_at - c.received_at) / 86400 end) as median_resolution
    from app.complaint c
    group by c.tenant_id
), surveys as (
    -- Reached: the link was sent, or handed over in person, or answered (an answer proves it arrived).
    select tenant_id,
           count(*) filter (where delivery in ('sent', 'in-person') or answered_at is not null) as reached,
           count(answered_at) as answered,
           avg(rating) as average
    from app.survey_invitation
    group by tenant_id
), acknowledgements as (
    select a.tenant_id, count(distinct a.subject) as staff
    from app.policy_acknowledgement a
    join control.policy_version v on v.tenant_id = a.tenant_id and v.id = a.policy_version and v.status = 'published'
    group by a.tenant_id
), raw as (
    select t.slug, t.name_ar, t.name_en, t.region, t.licence_authority, t.status,
           p.number, p.published_at, p.approval_date, p.approval_date_hijri,
           coalesce(r.received, 0) as received, coalesce(r.decided, 0) as decided,
           coalesce(r.timed, 0) as timed, r.median_decision,
           coalesce(d.cases, 0) as cases, coalesce(d.in_time, 0) as in_time,
           coalesce(c.filed, 0) as filed, coalesce(c.resolved, 0) as resolved, coalesce(c.escalated, 0) as escalated,
           c.median_resolution,
           coalesce(s.reached, 0) as reached, coalesce(s.answered, 0) as answered, s.average,
           coalesce(k.staff, 0) as acknowledged
    from control.tenant t
    left join control.policy_version p on p.tenant_id = t.id and p.status = 'published'
    left join requests r on r.tenant_id = t.id
    left join deadlines d on d.tenant_id = t.id
    left join complaints c on c.tenant_id = t.id
    left join surveys s on s.tenant_id = t.id
    left join acknowledgements k on k.tenant_id = t.id
    where t.status <> 'offboarded'
)
select slug, name_ar, name_en, region, licence_authority, status,
       number, published_at, approval_date, approval_date_hijri,
       case when received >= 5 then received end,
       case when decided >= 5 then decided end,
       case when timed >= 5 then round(median_decision::numeric, 1) end,
       case when cases >= 5 then cases end,
       case when cases >= 5 then round(in_time::numeric / cases, 3) end,
       case when filed >= 5 then filed end,
       case when resolved >= 5 then resolved end,
       case when escalated >= 5 then escalated end,
       case when resolved >= 5 then round(median_resolution::numeric, 1) end,
       case when answered >= 5 then answered end,
       case when reached >= 5 then round(answered::numeric / reached, 3) end,
       case when answered >= 5 then round(average, 1) end,
       case when acknowledged >= 5 then acknowledged end,
       array_remove(array[
           case when received < 5 then 'requestsReceived' end,
           case when decided < 5 then 'requestsDecided' end,
           case when timed < 5 then 'medianDecisionWorkingDays' end,
           case when cases < 5 then 'deadlineCases' end,
           case when cases < 5 then 'withinDeadlineShare' end,
           case when filed < 5 then 'complaintsFiled' end,
           case when resolved < 5 then 'complaintsResolved' end,
           case when escalated < 5 then 'complaintsEscalated' end,
           case when resolved < 5 then 'medianResolutionDays' end,
           case when answered < 5 then 'surveyResponses' end,
           case when reached < 5 then 'surveyResponseRate' end,
           case when answered < 5 then 'satisfactionAverage' end,
           case when acknowledged < 5 then 'acknowledgedStaff' end], null)
from raw
order by slug
$$;

comment on function oversight.association_indicators() is
    'Runs as oversight_aggregator across associations; returns aggregates only, counts under 5 suppressed.';
revoke all on function oversight.association_indicators() from public;
grant execute on function oversight.association_indicators() to rawabit_owner;

reset role;
revoke create, usage on schema oversight from oversight_aggregator;
