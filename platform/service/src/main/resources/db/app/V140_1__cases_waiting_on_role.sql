-- Before a new policy version drops one of the association's own roles, tenant-admin asks how many open
-- cases wait on it (issue 18). It cannot read app tables; this function answers only that count, for
-- the association the caller's transaction is set to (app.request and app.inquiry force row-level
-- security, which applies to this function's owner too): nothing without a tenant, nothing of another.
create function app.cases_waiting_on(p_role text) returns bigint
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
    select (select count(*) from app.request where pending_role = p_role and status <> 'closed')
         + (select count(*) from app.inquiry where assigned_role = p_role and state = 'open')
$$;
revoke all on function app.cases_waiting_on(text) from public;
grant usage on schema app to rawabit_admin;
grant execute on function app.cases_waiting_on(text) to rawabit_admin;
