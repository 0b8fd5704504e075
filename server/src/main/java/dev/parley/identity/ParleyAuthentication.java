package dev.parley.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the caller, their role ({@code ROLE_*}), their scopes
 * ({@code SCOPE_*}) and, for a login session, {@link Scope#SESSION_AUTHORITY}.
 */
class ParleyAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	ParleyAuthentication(AuthenticatedUser user) {
		this(user, !user.viaApiKey());
	}

	private ParleyAuthentication(AuthenticatedUser user, boolean session) {
		super(authorities(user, session));
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return this.user.id();
	}

	/** An anonymous caller acting as {@code user} through a {@link CallerBinding}. */
	static ParleyAuthentication bound(AuthenticatedUser user) {
		return new ParleyAuthentication(user, false);
	}

	private static List<GrantedAuthority> authorities(AuthenticatedUser user, boolean session) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		user.scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		if (session) {
			authorities.add(new SimpleGrantedAuthority(Scope.SESSION_AUTHORITY));
		}
		return authorities;
	}

}
