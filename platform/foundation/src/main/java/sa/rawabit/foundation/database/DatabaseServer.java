package sa.rawabit.foundation.database;

import org.jspecify.annotations.Nullable;

/**
 * The server this application talks to and the two identities it uses there: the owner
 * for migrations at start-up, the app role for everything after. Closing stops an
 * embedded server this process started; an attached or external one is left running.
 */
public record DatabaseServer(DatabaseEndpoint endpoint, DatabaseProperties.Credentials owner,
		DatabaseProperties.Credentials app, @Nullable AutoCloseable process) implements AutoCloseable {

	@Override
	public void close() throws Exception {
		if (process != null) {
			process.close();
		}
	}
}
