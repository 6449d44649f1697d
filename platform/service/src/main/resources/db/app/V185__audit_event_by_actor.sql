-- Staff pages name people who have not acted on the case shown (an inquiry's assignee, a delegation's
-- officers) by the name they last acted under anywhere in the association's trail (StaffNames): one index
-- range per username instead of a walk over the association's whole trail. Leads with tenant_id like every
-- index of a tenant's table. No new table: audit_event's row-level security is unchanged.
create index audit_event_actor on app.audit_event (tenant_id, actor, occurred_at desc);
