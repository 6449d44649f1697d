package sa.rawabit.foundation.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A validated token narrowed to one association: authorities are {@code ROLE_<role>} of that association. */
public final class StaffAuthentication extends AbstractAuthenticationToken {

	private final Jwt token;

	private final StaffMember member;

	StaffAuthentication(Jwt token, StaffMember member) {
		super(authorities(member));
		this.token = token;
		this.member = member;
		setAuthenticated(true);
	}

	private static Collection<GrantedAuthority> authorities(StaffMember member) {
		return member.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Override
	public Jwt getCredentials() {
		return token;
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
