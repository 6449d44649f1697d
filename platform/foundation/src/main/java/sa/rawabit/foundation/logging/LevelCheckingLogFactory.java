package sa.rawabit.foundation.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging over SLF4J, but a disabled level costs a level check and nothing more.
 * Spring Framework 7 logs through Apache Commons Logging, whose SLF4J bridge renders
 * every message ({@code String.valueOf}) before SLF4J drops it (spring-framework#37266),
 * so Spring Security's lazy {@code LogMessage.format(...)} debug lines were formatted on
 * every request: 3.4% of a JSON API call's samples in a JFR profile. Registered through
 * {@code META-INF/services/org.apache.commons.logging.LogFactory}.
 */
public final class LevelCheckingLogFactory extends LogFactory {

	private final Slf4jLogFactory slf4j = new Slf4jLogFactory();

	private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> type) {
		return getInstance(type.getName());
	}

	@Override
	public Log getInstance(String name) {
		return logs.computeIfAbsent(name, key -> new LevelCheckingLog(slf4j.getInstance(key)));
	}

	@Override
	public Object getAttribute(String name) {
		return slf4j.getAttribute(name);
	}

	@Override
	public String[] getAttributeNames() {
		return slf4j.getAttributeNames();
	}

	@Override
	public void release() {
		logs.clear();
		slf4j.release();
	}

	@Override
	public void removeAttribute(String name) {
		slf4j.removeAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		slf4j.setAttribute(name, value);
	}

}
