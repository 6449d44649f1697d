-- Offboarding (tenant-admin) exports an association's rows and then deletes them. It reads and
-- deletes through row-level security like everyone else, one tenant at a time; it never writes
-- anything else here. Every later tenant table grants the same (RowLevelSecurityCatalogTests checks).
grant usage on schema app to rawabit_admin;
grant select, delete on app.beneficiary, app.audit_event to rawabit_admin;
