package sa.rawabit.foundation.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.Authentication;

/**
 * A validated sign-in (bearer token or page session) narrowed to one association:
 * authorities are {@code ROLE_<role>} of that association.
 */
public final class StaffAuthentication extends AbstractAuthenticationToken {

	private final Authentication original;

	private final StaffMember member;

	private final Credential credential;

	StaffAuthentication(Authentication original, StaffMember member, Credential credential) {
		super(authorities(member));
		this.original = original;
		this.member = member;
		this.credential = credential;
		setAuthenticated(true);
	}

	/**
	 * When the token or page session behind this request was issued and when it stops
	 * counting.
	 */
	public Credential credential() {
		return credential;
	}

	/**
	 * A loop, not a stream: built on every request, for a role or two, the stream's
	 * pipeline cost more than the authorities.
	 */
	private static Collection<GrantedAuthority> authorities(StaffMember member) {
		List<GrantedAuthority> authorities = new ArrayList<>(member.roles().size());
		for (String role : member.roles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		}
		return authorities;
	}

	@Override
	public Object getCredentials() {
		return original.getCredentials();
	}

	/**
	 * The authentication this one narrows, e.g. to reach the page session's OIDC user.
	 */
	public Authentication original() {
		return original;
	}

	@Override
	public StaffMember getPrincipal() {
		return member;
	}

	@Override
	public String getName() {
		return member.username();
	}

}
