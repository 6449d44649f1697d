-- National oversight: per-association indicators with no personal data, read by oversight_reader.
--
-- Isolation by construction. The base tables are under FORCE RLS and oversight_reader may read none of
-- them. The indicators come from one SECURITY DEFINER function owned by oversight_aggregator, a NOLOGIN
-- role (created by the bootstrap; a migration cannot create roles). That role has SELECT on exactly the
-- tables aggregated below and a select-only policy of its own on each, so inside the function it sees
-- every association; what leaves the function is aggregates only, small counts already suppressed.
-- oversight_reader gets the view over it (and EXECUTE, which a view's caller needs), nothing else. The
-- owner may SET ROLE to the aggregator to hand it the function but does not inherit its policies.
--
-- Indicator definitions (also in OVERSIGHT.md):
--   requests_received        requests of the association, any status
--   requests_decided         requests with the committee's decision (app.request_decision)
--   median_decision_days     median of decided_at - received_at, in calendar days (one decimal)
--   deadline_cases           request deadline rows with a maximum (due_by) that are settled: met, or
--                            unmet with due_by already past in Asia/Riyadh; running ones do not count
--   within_deadline_share    of those, met on or before due_by (due_by was computed by the policy's
--                            working calendar when the clock started), three decimals
--   complaints_filed         complaints of the association
--   complaints_resolved      complaints settled amicably or resolved (the final states)
--   complaints_escalated     complaints escalated to top management, now or before resolution (audit)
--   median_resolution_days   median of the final transition (updated_at) - received_at, calendar days
-- Suppression: any count under 5 is null, and so is a share or median computed from under 5 cases;
-- the names of the suppressed indicators are listed in `suppressed`, so no individual can be inferred.

create schema oversight;
comment on schema oversight is 'Aggregate indicators per association for national oversight; no personal data.';

grant usage on schema app, control to oversight_aggregator;
grant select on control.tenant, control.policy_version, app.request, app.request_decision, app.request_deadline,
    app.complaint, app.audit_event to oversight_aggregator;

create policy oversight_aggregates on control.policy_version for select to oversight_aggregator using (true);
create policy oversight_aggregates on app.request for select to oversight_aggregator using (true);
create policy oversight_aggregates on app.request_decision for select to oversight_aggregator using (true);
create policy oversight_aggregates on app.request_deadline for select to oversight_aggregator using (true);
create policy oversight_aggregates on app.complaint for select to oversight_aggregator using (true);
create policy oversight_aggregates on app.audit_event for select to oversight_aggregator using (true);

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
    median_decision_days     numeric,
    deadline_cases           bigint,
    within_deadline_share    numeric,
    complaints_filed         bigint,
    complaints_resolved      bigint,
    complaints_escalated     bigint,
    median_resolution_days   numeric,
    suppressed               text[]
)
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
with requests as (
    select r.tenant_id, count(*) as received, count(d.request_id) as decided,
           percentile_cont(0.5) within group (order by extract(epoch from d.decided_at - r.received_at) / 86400)
               as median_decision
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
), raw as (
    select t.slug, t.name_ar, t.name_en, t.region, t.licence_authority, t.status,
           p.number, p.published_at, p.approval_date, p.approval_date_hijri,
           coalesce(r.received, 0) as received, coalesce(r.decided, 0) as decided, r.median_decision,
           coalesce(d.cases, 0) as cases, coalesce(d.in_time, 0) as in_time,
           coalesce(c.filed, 0) as filed, coalesce(c.resolved, 0) as resolved, coalesce(c.escalated, 0) as escalated,
           c.median_resolution
    from control.tenant t
    left join control.policy_version p on p.tenant_id = t.id and p.status = 'published'
    left join requests r on r.tenant_id = t.id
    left join deadlines d on d.tenant_id = t.id
    left join complaints c on c.tenant_id = t.id
    where t.status <> 'offboarded'
)
select slug, name_ar, name_en, region, licence_authority, status,
       number, published_at, approval_date, approval_date_hijri,
       case when received >= 5 then received end,
       case when decided >= 5 then decided end,
       case when decided >= 5 then round(median_decision::numeric, 1) end,
       case when cases >= 5 then cases end,
       case when cases >= 5 then round(in_time::numeric / cases, 3) end,
       case when filed >= 5 then filed end,
       case when resolved >= 5 then resolved end,
       case when escalated >= 5 then escalated end,
       case when resolved >= 5 then round(median_resolution::numeric, 1) end,
       array_remove(array[
           case when received < 5 then 'requestsReceived' end,
           case when decided < 5 then 'requestsDecided' end,
           case when decided < 5 then 'medianDecisionDays' end,
           case when cases < 5 then 'deadlineCases' end,
           case when cases < 5 then 'withinDeadlineShare' end,
           case when filed < 5 then 'complaintsFiled' end,
           case when resolved < 5 then 'complaintsResolved' end,
           case when escalated < 5 then 'complaintsEscalated' end,
           case when resolved < 5 then 'medianResolutionDays' end], null)
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
comment on view oversight.association_indicators is 'One row per association, side by side; see V40 for definitions.';

grant usage on schema oversight to oversight_reader;
grant select on oversight.association_indicators to oversight_reader;
grant execute on function oversight.association_indicators() to oversight_reader;
