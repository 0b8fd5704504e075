package dev.parley.identity;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule of the administration surface ({@code /api/v1/admin/**} and every actuator
 * endpoint that is not open): the caller is an administrator who logged in, with an
 * access token. An API key never passes, whatever its owner's role or its scopes, so a
 * key that leaks (in a script, a client's config) cannot administer Parley nor read its
 * metrics. A refusal says why ({@link Refusal}), so that the answer can name it.
 */
final class AdminSessionAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		Authentication caller = authentication.get();
		if (caller != null && caller.getPrincipal() instanceof AuthenticatedUser user) {
			if (user.viaApiKey()) {
				return Refusal.API_KEY;
			}
			if (user.role() == Role.ADMIN && user.sessionId() != null) {
				return GRANTED;
			}
		}
		return Refusal.ROLE;
	}

	/** Why the administration surface refused a caller. */
	enum Refusal implements AuthorizationResult {

		/** The request came with an API key (of any user). */
		API_KEY,

		/** The caller is not an administrator (or not authenticated at all). */
		ROLE;

		@Override
		public boolean isGranted() {
			return false;
		}

	}

}
