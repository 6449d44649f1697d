-- Who may run the national aggregate. V40 and V60.1 revoked PUBLIC's EXECUTE on
-- oversight.association_indicators() right after handing the function to oversight_aggregator; a revoke
-- by anyone but the owner (or a grantee with grant option) revokes nothing, and PostgreSQL only warned.
-- So every role could call it. It returns suppressed aggregates only, but the design is that nothing
-- but oversight's own path reads across associations: revoke as the owner, and grant EXECUTE to the one
-- role that needs it since V77, the snapshot's owner, which runs it on each refresh. The reader reads the
-- snapshot through the view and needs no EXECUTE.
-- The owner needs the schema's USAGE to name its function, for the moment of the change only.
grant usage on schema oversight to oversight_aggregator;
set role oversight_aggregator;
revoke all on function oversight.association_indicators() from public;
grant execute on function oversight.association_indicators() to rawabit_owner;
reset role;
revoke usage on schema oversight from oversight_aggregator;
