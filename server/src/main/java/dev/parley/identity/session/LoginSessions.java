package dev.parley.identity.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.IdentityProperties;
import dev.parley.identity.Secrets;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.identity.user.UserView;
import dev.parley.platform.Digests;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * Starts login sessions and rotates their refresh tokens, with reuse detection: a refresh
 * token works once; presenting it again revokes the whole session.
 */
@Service
public class LoginSessions {

	private final SessionRepository sessions;

	private final UserRepository users;

	private final AccessTokens tokens;

	private final Secrets secrets;

	private final IdGenerator ids;

	private final IdentityProperties properties;

	private final Clock clock;

	LoginSessions(SessionRepository sessions, UserRepository users, AccessTokens tokens, Secrets secrets,
			IdGenerator ids, IdentityProperties properties, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.tokens = tokens;
		this.secrets = secrets;
		this.ids = ids;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public TokenResponse start(User user) {
		Instant now = Jdbc.now(this.clock);
		String sessionId = this.ids.next().toString();
		this.sessions.create(sessionId, user.id(), now, now.plus(this.properties.refreshTokenTtl()));
		this.users.recordLogin(user.id(), now);
		return issue(user, sessionId, now);
	}

	@Transactional(noRollbackFor = ProblemException.class)
	public TokenResponse refresh(String refreshToken) {
		if (refreshToken == null || refreshToken.isBlank()) {
			throw ProblemException.invalid("refresh_token", "is required");
		}
		String hash = Digests.sha256Hex(refreshToken);
		Instant now = Jdbc.now(this.clock);
		SessionRepository.RefreshToken stored = this.sessions.findRefreshToken(hash)
			.orElseThrow(
					() -> ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The refresh token is not valid"));
		if (stored.revokedAt() != null) {
			throw ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The session has ended; log in again");
		}
		if (stored.usedAt() != null || !this.sessions.markUsed(hash, now)) {
			this.sessions.revoke(stored.sessionId(), now);
			throw ProblemException.of(IdentityProblem.REFRESH_TOKEN_REUSED,
					"This refresh token was already used, so the session is revoked; log in again");
		}
		if (!stored.expiresAt().isAfter(now)) {
			throw ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN,
					"The refresh token has expired; log in again");
		}
		User user = this.users.findById(stored.userId())
			.filter(User::active)
			.orElseThrow(() -> ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The account is disabled"));
		return issue(user, stored.sessionId(), now);
	}

	public void end(String sessionId) {
		this.sessions.revoke(sessionId, Jdbc.now(this.clock));
	}

	/** Ends every session of the user but {@code keep} (null ends them all). */
	public void endAllOf(String userId, String keep) {
		this.sessions.revokeAllOf(userId, keep, Jdbc.now(this.clock));
	}

	private TokenResponse issue(User user, String sessionId, Instant now) {
		String refreshToken = this.secrets.token();
		Instant refreshExpiry = now.plus(this.properties.refreshTokenTtl());
		this.sessions.addRefreshToken(Digests.sha256Hex(refreshToken), sessionId, now, refreshExpiry);
		String accessToken = this.tokens.issue(user.id(), user.role(), sessionId, now);
		return TokenResponse.bearer(accessToken, refreshToken, this.tokens.expiresInSeconds(),
				this.properties.refreshTokenTtl().toSeconds(), UserView.of(user));
	}

}
