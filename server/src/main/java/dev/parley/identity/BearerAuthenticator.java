package dev.parley.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

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
 * access token, against the database, or against what the {@link PrincipalCache} kept of
 * it when revocations reach the cache, so that disabling an account, logging out or
 * deleting a key takes effect at once. Expiry is checked on every request.
 */
class BearerAuthenticator implements AuthenticationManager {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final AccessTokens tokens;

	private final UserRepository users;

	private final SessionRepository sessions;

	private final ApiKeyRepository apiKeys;

	private final Clock clock;

	private final PrincipalCache cache;

	BearerAuthenticator(AccessTokens tokens, UserRepository users, SessionRepository sessions, ApiKeyRepository apiKeys,
			Clock clock, PrincipalCache cache) {
		this.cache = cache;
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
		if (sessionId == null) {
			throw new CredentialsExpiredException("The session has ended; log in again");
		}
		Instant now = Jdbc.now(this.clock);
		String cacheKey = "s:" + sessionId;
		PrincipalCache.Entry cached = this.cache.get(cacheKey);
		if (cached != null && cached.user().id().equals(jwt.getSubject()) && cached.validAt(now)) {
			return cached.user();
		}
		long generation = this.cache.generation();
		User user = this.users.findById(jwt.getSubject())
			.orElseThrow(() -> new BadCredentialsException("The access token is invalid or has expired"));
		requireActive(user);
		Instant expiresAt = this.sessions.liveUntil(sessionId, user.id())
			.filter((until) -> until.isAfter(now))
			.orElseThrow(() -> new CredentialsExpiredException("The session has ended; log in again"));
		AuthenticatedUser principal = new AuthenticatedUser(user.id(), user.email(), user.role(), sessionId, null,
				Scope.all(), user.passwordChangeRequired());
		this.cache.put(cacheKey, new PrincipalCache.Entry(principal, expiresAt, new AtomicReference<>()), generation);
		return principal;
	}

	private AuthenticatedUser byApiKey(String secret) {
		String digest = Digests.sha256Hex(secret);
		Instant now = Jdbc.now(this.clock);
		String cacheKey = "k:" + digest;
		PrincipalCache.Entry cached = this.cache.get(cacheKey);
		if (cached != null && cached.validAt(now)) {
			touchIfDue(cached, now);
			return cached.user();
		}
		long generation = this.cache.generation();
		ApiKeyRepository.Match match = this.apiKeys.findByHash(digest)
			.orElseThrow(() -> new BadCredentialsException("The API key is not valid"));
		ApiKey key = match.key();
		if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
			throw new CredentialsExpiredException("The API key has expired");
		}
		requireActive(match.owner());
		User owner = match.owner();
		AuthenticatedUser principal = new AuthenticatedUser(owner.id(), owner.email(), owner.role(), null, key.id(),
				key.scopes(), owner.passwordChangeRequired());
		PrincipalCache.Entry entry = new PrincipalCache.Entry(principal, key.expiresAt(),
				new AtomicReference<>(key.lastUsedAt()));
		touchIfDue(entry, now);
		this.cache.put(cacheKey, entry, generation);
		return principal;
	}

	/**
	 * Records the key's use at most once per {@link #LAST_USED_RESOLUTION} per instance,
	 * from what the entry remembers, without reading the key again.
	 */
	private void touchIfDue(PrincipalCache.Entry entry, Instant now) {
		Instant last = entry.lastUsed().get();
		if ((last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now))
				&& entry.lastUsed().compareAndSet(last, now)) {
			this.apiKeys.touch(entry.user().apiKeyId(), now);
		}
	}

	private static void requireActive(User user) {
		if (!user.active()) {
			throw new DisabledException("The account is disabled");
		}
	}

}
