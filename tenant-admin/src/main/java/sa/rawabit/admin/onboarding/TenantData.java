package sa.rawabit.admin.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every tenant-owned row of one association, found through the catalog rather than a
 * hand-kept list, so a table added by any later feature is exported and deleted too.
 * Reads and deletes run under row-level security for that association alone.
 */
@Component
class TenantData {

	private static final String TENANT_TABLES = """
			select c.oid::regclass::text as name,
			       coalesce((select array_agg(f.confrelid::regclass::text) from pg_constraint f
			                 where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid), '{}') as parents
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and n.nspname in ('app', 'control')
			  and exists (select 1 from pg_attribute a
			              where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
			order by 1""";

	private final Transactions transactions;

	private final DatabaseClient database;

	private final JsonMapper json;

	TenantData(Transactions transactions, DatabaseClient database, JsonMapper json) {
		this.transactions = transactions;
		this.database = database;
		this.json = json;
	}

	/**
	 * The {@code tables} object of the export as text pieces, for the tenant in the
	 * Reactor Context: {@code {"app.x":[row,…],…}}, parents first, each row read and
	 * handed on alone. {@code first} runs in the same transaction before the reads, so
	 * what it writes is exported too.
	 */
	Flux<String> tablesJson(Mono<Void> first) {
		return tablesChildrenFirst()
			.flatMapMany(
					tables -> transactions.inTenantMany(first.thenMany(Flux.fromIterable(tables.reversed()).index())
						.concatMap(table -> Flux.concat(Mono.fromSupplier(
								() -> (table.getT1() == 0 ? "" : ",") + json.writeValueAsString(table.getT2()) + ":["),
								database.sql("select row_to_json(t)::text as row from " + table.getT2() + " t")
									.map(row -> row.get("row", String.class))
									.all()
									.index((n, row) -> (n == 0 ? "" : ",") + row),
								Mono.just("]")))))
			.startWith("{")
			.concatWith(Mono.just("}"));
	}

	/**
	 * Deletes every row of the tenant in the Reactor Context, children before parents;
	 * rows per table.
	 */
	Mono<Map<String, Long>> delete(TenantId tenant) {
		return tablesChildrenFirst().flatMap(
				tables -> transactions.inTenant(database.sql("select set_config('app.offboarding_tenant_id', $1, true)")
					.bind(0, tenant.value().toString())
					.map(row -> 1)
					.first()
					.thenMany(Flux.fromIterable(tables)
						.concatMap(table -> database.sql("delete from " + table)
							.fetch()
							.rowsUpdated()
							.map(count -> Map.entry(table, count))))
					.collectMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	private Mono<List<String>> tablesChildrenFirst() {
		return transactions
			.asSystemMany("offboarding-catalog", database.sql(TENANT_TABLES)
				.map(row -> Map.entry(row.get("name", String.class), Set.of(row.get("parents", String[].class))))
				.all())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(TenantData::childrenFirst);
	}

	/** Orders tables so that a table comes before every table it references. */
	static List<String> childrenFirst(Map<String, Set<String>> parents) {
		List<String> parentsFirst = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < parents.size()) {
			boolean progress = false;
			for (var table : parents.keySet().stream().sorted().toList()) {
				if (!placed.contains(table) && parents.get(table)
					.stream()
					.allMatch(parent -> placed.contains(parent) || !parents.containsKey(parent)
							|| parent.equals(table))) {
					placed.add(table);
					parentsFirst.add(table);
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("Foreign keys between tenant tables form a cycle: " + parents);
			}
		}
		return parentsFirst.reversed();
	}

}
