package dev.parley.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import dev.parley.identity.apikey.ApiKey;
import dev.parley.identity.apikey.ApiKeyRepository;
import dev.parley.identity.apikey.ApiKeyService;
import dev.parley.identity.session.AccessTokens;
import dev.parley.identity.session.SessionRepository;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.Digests;
import dev.parley.platform.persistence.Jdbc;

/**
 * Checks a bearer credential, which is either a personal API key ({@code pk_...}) or an
 * access token, against the database on every request, so that disabling an account,
 * logging out or deleting a key takes effect at once.
 */
class BearerAuthenticator implements AuthenticationManager {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final AccessTokens tokens;

	private final UserRepository users;

	private final SessionRepository sessions;

	private final ApiKeyRepository apiKeys;

	private final Clock clock;

	BearerAuthenticator(AccessTokens tokens, UserRepository users, SessionRepository sessions, ApiKeyRepository apiKeys,
			Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.sessions = sessions;
		this.apiKeys = apiKeys;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		AuthenticatedUser user = token.startsWith(ApiKeyService.KEY_PREFIX) ? byApiKey(token) : bySession(token);
		return new ParleyAuthentication(user);
	}

	private AuthenticatedUser bySession(String token) {
		Jwt jwt;
		try {
			jwt = this.tokens.decode(token);
		}
		catch (JwtException ex) {
			throw new BadCredentialsException("The access token is invalid or has expired");
		}
		String sessionId = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
		User user = this.users.findById(jwt.getSubject())
			.orElseThrow(() -> new BadCredentialsException("The access token is invalid or has expired"));
		requireActive(user);
		if (sessionId == null || !this.sessions.isLive(sessionId, user.id(), Jdbc.now(this.clock))) {
			throw new CredentialsExpiredException("The session has ended; log in again");
		}
		return new AuthenticatedUser(user.id(), user.email(), user.role(), sessionId, null, Scope.all(),
				user.passwordChangeRequired());
	}

	private AuthenticatedUser byApiKey(String secret) {
		ApiKeyRepository.Match match = this.apiKeys.findByHash(Digests.sha256Hex(secret))
			.orElseThrow(() -> new BadCredentialsException("The API key is not valid"));
		ApiKey key = match.key();
		Instant now = Jdbc.now(this.clock);
		if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
			throw new CredentialsExpiredException("The API key has expired");
		}
		requireActive(match.owner());
		if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
			this.apiKeys.touch(key.id(), now);
		}
		User owner = match.owner();
		return new AuthenticatedUser(owner.id(), owner.email(), owner.role(), null, key.id(), key.scopes(),
				owner.passwordChangeRequired());
	}

	private static void requireActive(User user) {
		if (!user.active()) {
			throw new DisabledException("The account is disabled");
		}
	}

}
