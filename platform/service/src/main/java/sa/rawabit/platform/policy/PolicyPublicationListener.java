package sa.rawabit.platform.policy;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.EventLoops;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Keeps {@link PoliciesInForce} current on this replica. The control plane runs
 * {@code pg_notify('policy_published', tenant)} in the transaction that publishes a
 * version; this listens on a dedicated connection (LISTEN cannot share a pooled one) and
 * reloads that association. After every (re)connection, and on a slow poll, it compares
 * the whole registry with memory, because PostgreSQL drops notifications sent while
 * nobody listens.
 */
@Component
class PolicyPublicationListener extends BackgroundSubscription {

	static final String CHANNEL = "policy_published";

	/**
	 * Visible in {@code pg_stat_activity}, so an operator can tell this connection from
	 * the pool's.
	 */
	static final String APPLICATION_NAME = "rawabit-policy-listener";

	private static final Logger log = LoggerFactory.getLogger(PolicyPublicationListener.class);

	private final PostgresqlConnectionFactory connections;

	private final PoliciesInForce policies;

	private final PolicyProperties properties;

	PolicyPublicationListener(DatabaseServer server, PoliciesInForce policies, PolicyProperties properties,
			EventLoops loops) {
		this.connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(server.endpoint().host())
			.port(server.endpoint().port())
			.database(server.endpoint().database())
			.username(server.app().username())
			.password(server.app().password())
			.applicationName(APPLICATION_NAME)
			.loopResources(loops.resources())
			.tcpKeepAlive(true)
			.build());
		this.policies = policies;
		this.properties = properties;
	}

	@Override
	protected Disposable subscribe() {
		return Disposables.composite(listen().subscribe(), poll().subscribe());
	}

	/**
	 * Sessions on the dedicated connection, one after another, for as long as this bean
	 * runs.
	 */
	private Flux<Long> listen() {
		return Flux.usingWhen(connections.create(), this::session, PostgresqlConnection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, properties.reconnectMinBackoff())
				.maxBackoff(properties.reconnectMaxBackoff())
				.transientErrors(true)
				.doBeforeRetry(retry -> log.warn("Policy listener disconnected ({}); reconnecting, attempt {}",
						retry.failure().toString(), retry.totalRetriesInARow() + 1)));
	}

	/**
	 * Subscribes to notifications before issuing LISTEN, so none sent after LISTEN can be
	 * missed; then catches up on everything published before it. Ends with an error when
	 * the connection dies.
	 */
	private Flux<Long> session(PostgresqlConnection connection) {
		Flux<Long> notified = connection.getNotifications()
			// The driver drops notifications a busy subscriber has not requested: buffer
			// them instead.
			.onBackpressureBuffer()
			.filter(notification -> CHANNEL.equals(notification.getName()))
			.concatMap(this::reload)
			.concatWith(Mono.error(() -> new IllegalStateException("notification stream ended")));
		Mono<Long> caughtUp = connection.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.then(policies.refreshAll())
			.doOnNext(changed -> log.info("Policy listener listening on {}; {} associations loaded, {} changed",
					CHANNEL, policies.size(), changed));
		return Flux.merge(notified, caughtUp);
	}

	private Mono<Long> reload(Notification notification) {
		TenantId tenant;
		try {
			tenant = TenantId.of(String.valueOf(notification.getParameter()));
		}
		catch (IllegalArgumentException notATenant) {
			log.warn("Ignoring {} notification with payload '{}': not a tenant id", CHANNEL,
					notification.getParameter());
			return Mono.empty();
		}
		return policies.refresh(tenant).map(changed -> changed ? 1L : 0L).onErrorResume(error -> {
			// The pool failed, not this connection: keep listening; the poll retries this
			// association.
			log.warn("Could not reload the policy of association {} after its notification", tenant, error);
			return Mono.empty();
		});
	}

	/** The safety net: whatever the listener missed is picked up within one interval. */
	private Flux<Long> poll() {
		return Flux.interval(properties.pollInterval(), properties.pollInterval())
			.onBackpressureDrop()
			.concatMap(tick -> policies.refreshAll().doOnNext(changed -> {
				if (changed > 0) {
					log.warn("Policy poll found {} associations whose publication notice was missed", changed);
				}
			}).onErrorResume(error -> {
				log.warn("Policy poll failed; trying again in {}", properties.pollInterval(), error);
				return Mono.empty();
			}), 0);
	}

}
