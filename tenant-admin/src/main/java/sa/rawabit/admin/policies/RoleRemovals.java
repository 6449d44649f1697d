package sa.rawabit.admin.policies;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.PolicyRole;
import sa.rawabit.policy.reading.PolicyProblem;

/**
 * A new version may drop one of the association's own roles only when nobody holds it any
 * more: otherwise staff would keep a group no policy explains and no page can show, and
 * open cases would wait on nobody. Each such role is one {@code role-still-held} problem
 * naming who holds it and how many open cases wait on it, so the administrator knows what
 * to change first.
 */
@Component
class RoleRemovals {

	static final String CODE = "role-still-held";

	private final IdentityDirectory identity;

	private final DatabaseClient database;

	RoleRemovals(IdentityDirectory identity, DatabaseClient database) {
		this.identity = identity;
		this.database = database;
	}

	/**
	 * Runs in the association's transaction, so the open-case count is this
	 * association's.
	 */
	Flux<PolicyProblem> problems(String slug, Policy current, Policy next, String nextSource) {
		Set<String> kept = next.roles().stream().map(role -> role.id().value()).collect(Collectors.toSet());
		int line = PolicyVersioning.lineOf(nextSource, "roles:");
		return Flux.fromIterable(current.roles())
			.filter(role -> !kept.contains(role.id().value()))
			.concatMap(role -> identity.holders(slug, role.id().value())
				.sort()
				.collectList()
				.zipWith(waiting(role.id().value()))
				.filter(found -> !found.getT1().isEmpty() || found.getT2() > 0)
				.map(found -> problem(role, found.getT1(), found.getT2(), line)));
	}

	/**
	 * Open requests and inquiries waiting on the role, through the platform's
	 * {@code app.cases_waiting_on} (0 where the platform's schema is not there, e.g.
	 * tenant-admin's own tests).
	 */
	private Mono<Long> waiting(String role) {
		// Asked of the catalog first: a statement naming app.cases_waiting_on cannot even
		// be parsed where the
		// platform's schema does not exist.
		return database.sql("""
				select exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				               where n.nspname = 'app' and p.proname = 'cases_waiting_on') as present""")
			.map(row -> Boolean.TRUE.equals(row.get("present", Boolean.class)))
			.one()
			.flatMap(present -> !present ? Mono.just(0L)
					: database.sql("select app.cases_waiting_on($1) as waiting")
						.bind(0, role)
						.map(row -> row.get("waiting", Long.class))
						.one())
			.defaultIfEmpty(0L);
	}

	private static PolicyProblem problem(PolicyRole role, List<String> holders, long waiting, int line) {
		String who = String.join(", ", holders);
		String ar = (holders.isEmpty() ? "" : "يشغله " + who + "؛ انزع الدور عنهم أولًا")
				+ (waiting == 0 ? "" : (holders.isEmpty() ? "" : "، و") + "تنتظره " + waiting + " حالة مفتوحة");
		String en = (holders.isEmpty() ? "" : "held by " + who + "; take it from them first")
				+ (waiting == 0 ? "" : (holders.isEmpty() ? "" : ", and ") + waiting + " open case(s) wait on it");
		return new PolicyProblem("roles", line, 1, CODE,
				"لا يمكن حذف الدور '" + role.id() + "' (" + role.names().ar() + "): " + ar,
				"role '" + role.id() + "' (" + role.names().en() + ") cannot be removed: " + en);
	}

}
