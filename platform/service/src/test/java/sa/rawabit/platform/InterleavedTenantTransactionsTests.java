package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.NewBeneficiary;
import sa.rawabit.testing.TestTenants;

/**
 * 10,000 transactions alternating between two associations, more in flight than
 * connections, on a pool of two: each must see exactly its own tenant's setting and rows,
 * and system-scope work between them must see no setting and no rows — the
 * transaction-local setting never bleeds.
 */
@TestPropertySource(properties = "rawabit.db.pool.max-size=2")
class InterleavedTenantTransactionsTests extends PlatformTest {

	private static final int TRANSACTIONS = 10_000;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	BeneficiaryRegistry registry;

	@Test
	void interleavedTransactionsWhenPoolIsSmallThenNoTenantSeesAnother() {
		TenantId a = TestTenants.create("interleave-a");
		TenantId b = TestTenants.create("interleave-b");
		Map<TenantId, Integer> owned = Map.of(a, 3, b, 5);
		owned.forEach(this::seed);
		AtomicInteger checked = new AtomicInteger();

		Flux.range(0, TRANSACTIONS)
			.flatMap(i -> i % 10 == 9 ? systemView() : tenantView(i % 2 == 0 ? a : b, owned), 16)
			.doOnNext(view -> checked.incrementAndGet())
			.filter(view -> !view.expected().equals(view.seen()))
			.as(StepVerifier::create)
			.verifyComplete();

		assertThat(checked).hasValue(TRANSACTIONS);
		ConnectionPool pool = (ConnectionPool) ((Wrapped<?>) connectionFactory).unwrap();
		assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(2);
	}

	@Test
	void tenantWorkWhenItJoinsATransactionAlreadyOpenThenItsTenantIsSetThere() {
		TenantId tenant = TestTenants.create("interleave-joined");
		seed(tenant, 2);
		// The tenant rides on BEGIN only for transactions inTenant opens itself; joined
		// work sets it first.
		transactions
			.asSystem("join-check", transactions.inTenant(database.sql("""
					select current_setting('app.tenant_id', true) as setting, count(*) as rows from app.beneficiary""")
				.map(row -> List.of(String.valueOf(row.get("setting")), String.valueOf(row.get("rows"))))
				.one()))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNext(List.of(tenant.toString(), "2"))
			.verifyComplete();
	}

	@Test
	void tenantTransactionWhenOpenedOrJoinedThenGenericPlansThereAndNowhereElse() {
		TenantId tenant = TestTenants.create("interleave-plans");
		Mono<String> mode = database.sql("select current_setting('plan_cache_mode') as mode")
			.map(row -> String.valueOf(row.get("mode")))
			.one();
		// TenantSettings: under RLS a custom plan cannot know the tenant, so tenant work
		// plans once per statement; the setting is transaction-local like the tenant.
		Flux.concat(transactions.inTenant(mode), transactions.asSystem("plans-joined", transactions.inTenant(mode)),
				transactions.asSystem("plans-after", mode))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNext("force_generic_plan", "force_generic_plan", "auto")
			.verifyComplete();
	}

	private Mono<View> tenantView(TenantId tenant, Map<TenantId, Integer> owned) {
		List<String> expected = List.of(tenant.toString(), owned.get(tenant).toString(), "0");
		return transactions
			.inTenant(database.sql("""
					select current_setting('app.tenant_id', true) as setting, count(*) as rows,
					       count(*) filter (where tenant_id <> $1) as foreign_rows
					from app.beneficiary""")
				.bind(0, tenant.value())
				.map(row -> List.of(String.valueOf(row.get("setting")), String.valueOf(row.get("rows")),
						String.valueOf(row.get("foreign_rows"))))
				.one())
			.contextWrite(TenantContext.of(tenant))
			.map(seen -> new View(expected, seen));
	}

	private Mono<View> systemView() {
		return transactions
			.asSystem("interleave-check",
					database.sql("""
							select coalesce(current_setting('app.tenant_id', true), '') as setting, count(*) as rows
							from app.beneficiary""")
						.map(row -> List.of(String.valueOf(row.get("setting")), String.valueOf(row.get("rows")), "0"))
						.one())
			.map(seen -> new View(List.of("", "0", "0"), seen));
	}

	private void seed(TenantId tenant, int count) {
		Flux.range(0, count)
			.concatMap(i -> registry
				.register(new NewBeneficiary(String.format("1%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)),
						"مستفيد " + i, null, null), "seed"))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNextCount(count)
			.verifyComplete();
	}

	private record View(List<String> expected, List<String> seen) {
	}

}
