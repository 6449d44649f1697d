-- Median decision time in working days (issue #8), as the policy counts its deadlines: the working
-- calendar (the policy's weekend, its holidays by the Hijri calendar such as the two Eids) lives in the
-- policy model in Java, so the platform now stores, with each committee decision, the working days from
-- the request's receipt day to the decision day under the calendar of the policy the request runs under
-- (app.request_decision.working_days, written in the decision's own transaction). SQL only takes the median.
--
--   median_decision_working_days  median of request_decision.working_days, one decimal; decisions recorded
--                                 before this version have no value and are left out of the median (and
--                                 of its count of 5 for suppression), never guessed from calendar days.
--
-- The aggregator's table-level SELECT on app.request_decision (V40) covers the new column; it holds no
-- personal data.

alter table app.request_decision add column working_days integer check (working_days >= 0);

-- The result type changes, so the view and the function are made again (the schema's owner may drop
-- the aggregator's function).
drop view oversight.association_indicators;
drop function oversight.association_indicators();

create function oversight.association_indicators()
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

-- Handing the function to the aggregator needs CREATE on its schema just for the moment of the change.
grant create on schema oversight to oversight_aggregator;
alter function oversight.association_indicators() owner to oversight_aggregator;
revoke create on schema oversight from oversight_aggregator;

revoke all on function oversight.association_indicators() from public;

create view oversight.association_indicators with (security_barrier) as
    select * from oversight.association_indicators();
comment on view oversight.association_indicators is 'One row per association, side by side; see V40, V60.1 and V76 for definitions.';

grant usage on schema oversight to oversight_reader;
grant select on oversight.association_indicators to oversight_reader;
grant execute on function oversight.association_indicators() to oversight_reader;
