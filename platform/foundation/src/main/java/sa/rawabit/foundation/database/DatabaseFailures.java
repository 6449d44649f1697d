package sa.rawabit.foundation.database;

import java.net.ConnectException;
import java.util.List;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Tells a database that cannot be reached (stopped, restarting, refusing connections,
 * pool exhausted) from a mistake in a statement. The first is the caller's cue to come
 * back later (503), the second a defect (500).
 */
public final class DatabaseFailures {

	private static final List<Class<? extends Throwable>> OUTAGES = List.of(ConnectException.class,
			R2dbcNonTransientResourceException.class, R2dbcTransientResourceException.class,
			R2dbcTimeoutException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class);

	/**
	 * SQLSTATE classes of a server that is gone or going: connection (08), shutdown
	 * (57P), resources (53).
	 */
	private static final List<String> OUTAGE_STATES = List.of("08", "57P", "53");

	private DatabaseFailures() {
	}

	/**
	 * Whether {@code failure}, or anything it wraps, says the database is unavailable
	 * right now.
	 */
	public static boolean unavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			Throwable current = cause;
			if (OUTAGES.stream().anyMatch(type -> type.isInstance(current))) {
				return true;
			}
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
					&& OUTAGE_STATES.stream().anyMatch(r2dbc.getSqlState()::startsWith)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
