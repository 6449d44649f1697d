package sa.rawabit.foundation.logging;

import org.apache.commons.logging.Log;

/**
 * A {@link Log} that asks whether a level is enabled before handing the message on (and
 * rendering it).
 */
record LevelCheckingLog(Log log) implements Log {

	@Override
	public void trace(Object message) {
		if (log.isTraceEnabled()) {
			log.trace(message);
		}
	}

	@Override
	public void trace(Object message, Throwable failure) {
		if (log.isTraceEnabled()) {
			log.trace(message, failure);
		}
	}

	@Override
	public void debug(Object message) {
		if (log.isDebugEnabled()) {
			log.debug(message);
		}
	}

	@Override
	public void debug(Object message, Throwable failure) {
		if (log.isDebugEnabled()) {
			log.debug(message, failure);
		}
	}

	@Override
	public void info(Object message) {
		if (log.isInfoEnabled()) {
			log.info(message);
		}
	}

	@Override
	public void info(Object message, Throwable failure) {
		if (log.isInfoEnabled()) {
			log.info(message, failure);
		}
	}

	@Override
	public void warn(Object message) {
		if (log.isWarnEnabled()) {
			log.warn(message);
		}
	}

	@Override
	public void warn(Object message, Throwable failure) {
		if (log.isWarnEnabled()) {
			log.warn(message, failure);
		}
	}

	@Override
	public void error(Object message) {
		if (log.isErrorEnabled()) {
			log.error(message);
		}
	}

	@Override
	public void error(Object message, Throwable failure) {
		if (log.isErrorEnabled()) {
			log.error(message, failure);
		}
	}

	@Override
	public void fatal(Object message) {
		if (log.isFatalEnabled()) {
			log.fatal(message);
		}
	}

	@Override
	public void fatal(Object message, Throwable failure) {
		if (log.isFatalEnabled()) {
			log.fatal(message, failure);
		}
	}

	@Override
	public boolean isTraceEnabled() {
		return log.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return log.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return log.isInfoEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return log.isWarnEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return log.isErrorEnabled();
	}

	@Override
	public boolean isFatalEnabled() {
		return log.isFatalEnabled();
	}
}
