-- National oversight reads a snapshot. The aggregate function scans every association's cases: at the
-- national scale measured (1,000 associations, 1,000,000 requests) one call takes ~2.5 s on two cores,
-- whatever the filter, because the medians need all rows. A page a regulator opens should not pay that,
-- nor should every viewer's click rescan the country. So the function's result is kept in a
-- materialized view, refreshed by the platform on a schedule (rawabit.oversight.refresh-interval,
-- default 5 minutes) and stamped with the moment it was computed, which the page and the CSV show.
--
-- Isolation is unchanged: the snapshot holds exactly the function's aggregate, suppressed columns; the
-- reader still reads only the view oversight.association_indicators, now over the snapshot.

grant execute on function oversight.association_indicators() to rawabit_owner;

create materialized view oversight.indicators_snapshot as
    select i.*, clock_timestamp() as computed_at from oversight.association_indicators() i
    with data;
comment on materialized view oversight.indicators_snapshot is
    'The aggregate indicators per association as of computed_at; refreshed by oversight.refresh_indicators().';

-- REFRESH ... CONCURRENTLY needs a unique index, and keeps the old snapshot readable while it runs.
create unique index indicators_snapshot_slug on oversight.indicators_snapshot (association_slug);

-- The platform may refresh the snapshot and do nothing else here. Concurrent calls (several replicas)
-- queue on the view's lock; each leaves a complete snapshot.
create function oversight.refresh_indicators() returns timestamptz
language plpgsql security definer
set search_path = pg_catalog, pg_temp
as $$
begin
    refresh materialized view concurrently oversight.indicators_snapshot;
    return (select max(computed_at) from oversight.indicators_snapshot);
end
$$;
revoke all on function oversight.refresh_indicators() from public;
grant usage on schema oversight to rawabit_platform;
grant execute on function oversight.refresh_indicators() to rawabit_platform;

drop view oversight.association_indicators;
create view oversight.association_indicators with (security_barrier) as
    select * from oversight.indicators_snapshot;
comment on view oversight.association_indicators is
    'One row per association, side by side, as of computed_at; see V40, V60.1, V76 and V77.';
grant select on oversight.association_indicators to oversight_reader;
