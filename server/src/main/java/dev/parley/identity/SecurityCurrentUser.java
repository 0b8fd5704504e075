package dev.parley.identity;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.parley.platform.CurrentUser;

/** The caller of the current request, as Spring Security authenticated them. */
@Component
public class SecurityCurrentUser implements CurrentUser {

	@Override
	public String id() {
		return user().id();
	}

	@Override
	public String role() {
		return user().role().name();
	}

	@Override
	public String apiKeyId() {
		return user().apiKeyId();
	}

	public static AuthenticatedUser user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return user;
		}
		throw new AuthenticationCredentialsNotFoundException("No authenticated user on this request");
	}

}
