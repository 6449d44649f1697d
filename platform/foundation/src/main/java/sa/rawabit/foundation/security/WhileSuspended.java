package sa.rawabit.foundation.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a suspended association's staff may still do: nothing, or reading one path with
 * one role. The tenant gate refuses a suspended association everywhere else; this lets
 * its administrator see, for example, the operator exports made while it is suspended.
 */
public final class WhileSuspended {

	/** The default: a suspended association's staff are refused everywhere. */
	public static final WhileSuspended NOTHING = new WhileSuspended(null, null);

	private final @Nullable String path;

	private final @Nullable String role;

	private WhileSuspended(@Nullable String path, @Nullable String role) {
		this.path = path;
		this.role = role;
	}

	/** GET (or HEAD) of exactly {@code path}, for holders of {@code role} only. */
	public static WhileSuspended reading(String path, String role) {
		return new WhileSuspended(path, role);
	}

	boolean admits(ServerHttpRequest request, Set<String> roles) {
		return path != null
				&& (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
				&& path.equals(request.getPath().pathWithinApplication().value()) && roles.contains(role);
	}

}
