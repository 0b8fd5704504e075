package dev.parley.identity;

import java.util.Set;

/**
 * The caller of the current request after its access token or API key was checked; the
 * principal of Spring Security's authentication.
 *
 * @param id the user's id, stored as {@code owner_id} on what they create
 * @param email the user's e-mail address (lower case)
 * @param role the user's role
 * @param sessionId the login session an access token belongs to, or {@code null} for an
 * API key
 * @param apiKeyId the API key used, or {@code null} for an access token
 * @param scopes what an API key may do; every scope for an access token
 * @param passwordChangeRequired whether the user must change their password before
 * anything else
 */
public record AuthenticatedUser(String id, String email, Role role, String sessionId, String apiKeyId,
		Set<String> scopes, boolean passwordChangeRequired) {

	public AuthenticatedUser {
		scopes = Set.copyOf(scopes);
	}

	/** Whether the request was authenticated with a personal API key. */
	public boolean viaApiKey() {
		return this.apiKeyId != null;
	}

}
