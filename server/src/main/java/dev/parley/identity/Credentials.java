package dev.parley.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Checks credentials outside Spring Security's request filters, for channels that
 * authenticate later than the HTTP request that opened them (a WebSocket's first frame, a
 * one-time ticket redeemed on another instance).
 */
public interface Credentials {

	/**
	 * The caller a bearer credential (access token or API key) stands for, checked
	 * exactly as on an API request; the principal is an {@link AuthenticatedUser}.
	 * @throws dev.parley.platform.problem.ProblemException {@code unauthorized} when the
	 * credential is invalid, expired or revoked, or its account disabled
	 */
	Authentication authenticate(String bearerToken);

	/**
	 * The caller of an earlier authentication, read again from the database: the account
	 * must still be active and its login session ({@code sessionId}) still live, or its
	 * API key ({@code apiKeyId}) still there and unexpired; role and scopes are as they
	 * are now.
	 * @throws dev.parley.platform.problem.ProblemException {@code unauthorized} otherwise
	 */
	Authentication reauthenticate(String userId, @Nullable String sessionId, @Nullable String apiKeyId);

}
