package dev.parley.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

import dev.parley.identity.apikey.ApiKey;
import dev.parley.identity.apikey.ApiKeyRepository;
import dev.parley.identity.session.SessionRepository;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * {@link Credentials} on the request filters' own {@link BearerAuthenticator} and the
 * identity tables.
 */
@Component
class DefaultCredentials implements Credentials {

	private final BearerAuthenticator authenticator;

	private final UserRepository users;

	private final SessionRepository sessions;

	private final ApiKeyRepository apiKeys;

	private final Clock clock;

	DefaultCredentials(BearerAuthenticator authenticator, UserRepository users, SessionRepository sessions,
			ApiKeyRepository apiKeys, Clock clock) {
		this.authenticator = authenticator;
		this.users = users;
		this.sessions = sessions;
		this.apiKeys = apiKeys;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(String bearerToken) {
		if (bearerToken == null || bearerToken.isBlank()) {
			throw ProblemException.of(CommonProblem.UNAUTHORIZED, "Send an access token or API key as 'token'");
		}
		try {
			return this.authenticator.authenticate(new BearerTokenAuthenticationToken(bearerToken.strip()));
		}
		catch (AuthenticationException ex) {
			throw ProblemException.of(CommonProblem.UNAUTHORIZED,
					(ex.getMessage() != null) ? ex.getMessage() : "The access token is invalid or has expired");
		}
	}

	@Override
	public Authentication reauthenticate(String userId, @Nullable String sessionId, @Nullable String apiKeyId) {
		Instant now = Jdbc.now(this.clock);
		User user = this.users.findById(userId).orElseThrow(() -> refused("The account no longer exists"));
		if (!user.active()) {
			throw refused("The account is disabled");
		}
		Set<String> scopes;
		if (sessionId != null) {
			this.sessions.liveUntil(sessionId, userId)
				.filter((until) -> until.isAfter(now))
				.orElseThrow(() -> refused("The session has ended; log in again"));
			scopes = Scope.all();
		}
		else if (apiKeyId != null) {
			ApiKey key = this.apiKeys.findOwned(apiKeyId, userId)
				.orElseThrow(() -> refused("The API key is not valid"))
				.key();
			if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
				throw refused("The API key has expired");
			}
			scopes = key.scopes();
		}
		else {
			throw refused("Neither a login session nor an API key");
		}
		return new ParleyAuthentication(new AuthenticatedUser(user.id(), user.email(), user.role(), sessionId, apiKeyId,
				scopes, user.passwordChangeRequired()));
	}

	private static ProblemException refused(String detail) {
		return ProblemException.of(CommonProblem.UNAUTHORIZED, detail);
	}

}
