package dev.parley.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.IdentityProperties;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.identity.user.UserView;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * Starts login sessions and rotates their refresh tokens, with reuse detection: a refresh
 * token works once (and for its retries within the reuse grace, which get the same
 * answer); presenting it again later revokes the whole session.
 */
@Service
public class LoginSessions {

	private final SessionRepository sessions;

	private final UserRepository users;

	private final AccessTokens tokens;

	private final RefreshTokens refreshTokens;

	private final IdGenerator ids;

	private final IdentityProperties properties;

	private final Clock clock;

	LoginSessions(SessionRepository sessions, UserRepository users, AccessTokens tokens, RefreshTokens refreshTokens,
			IdGenerator ids, IdentityProperties properties, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.tokens = tokens;
		this.refreshTokens = refreshTokens;
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

	/**
	 * Rotates the refresh token. Refreshes of one session are serialised on its row lock;
	 * the first one of a token stores its successor, and any other refresh of that token
	 * within the reuse grace of that rotation gets the same answer (the successor is
	 * derived from the token, the access token from both), so tabs refreshing at once all
	 * stay logged in. A refresh of a replaced token after the grace is reuse: the session
	 * ends.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	public TokenResponse refresh(String refreshToken) {
		if (refreshToken == null || refreshToken.isBlank()) {
			throw ProblemException.invalid("refresh_token", "is required");
		}
		// When the request came, before it waits for other refreshes of the session.
		Instant now = Jdbc.now(this.clock);
		String hash = RefreshTokens.digest(refreshToken);
		String sessionId = this.sessions.sessionOf(hash)
			.orElseThrow(
					() -> ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The refresh token is not valid"));
		SessionRepository.LockedSession session = this.sessions.lock(sessionId).orElseThrow();
		if (session.revokedAt() != null) {
			throw ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The session has ended; log in again");
		}
		SessionRepository.RefreshToken stored = this.sessions.refreshToken(hash);
		RefreshTokens.Successor successor = this.refreshTokens.successorOf(refreshToken);
		if (stored.usedAt() != null) {
			if (withinGrace(stored.usedAt(), now)) {
				return answer(activeUser(session.userId()), sessionId, successor, stored.usedAt());
			}
			this.sessions.revoke(sessionId, now);
			throw ProblemException.of(IdentityProblem.REFRESH_TOKEN_REUSED,
					"This refresh token was already used, so the session is revoked; log in again");
		}
		if (!stored.expiresAt().isAfter(now)) {
			throw ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN,
					"The refresh token has expired; log in again");
		}
		User user = activeUser(session.userId());
		if (!this.sessions.markUsed(hash, now)) {
			throw new IllegalStateException("A refresh token was used under its session's lock by another request");
		}
		this.sessions.addRefreshToken(RefreshTokens.digest(successor.refreshToken()), sessionId, now,
				now.plus(this.properties.refreshTokenTtl()));
		return answer(user, sessionId, successor, now);
	}

	public void end(String sessionId) {
		this.sessions.revoke(sessionId, Jdbc.now(this.clock));
	}

	/** Ends every session of the user but {@code keep} (null ends them all). */
	public void endAllOf(String userId, String keep) {
		this.sessions.revokeAllOf(userId, keep, Jdbc.now(this.clock));
	}

	/**
	 * Whether a refresh at {@code now} of a token rotated at {@code usedAt} is a retry of
	 * that rotation ({@code now} may even come first: the request waited for the lock).
	 */
	private boolean withinGrace(Instant usedAt, Instant now) {
		Duration grace = this.properties.refreshReuseGrace();
		return grace.isPositive() && now.isBefore(usedAt.plus(grace));
	}

	private User activeUser(String userId) {
		return this.users.findById(userId)
			.filter(User::active)
			.orElseThrow(() -> ProblemException.of(IdentityProblem.INVALID_REFRESH_TOKEN, "The account is disabled"));
	}

	private TokenResponse issue(User user, String sessionId, Instant now) {
		String refreshToken = this.refreshTokens.first();
		this.sessions.addRefreshToken(RefreshTokens.digest(refreshToken), sessionId, now,
				now.plus(this.properties.refreshTokenTtl()));
		String accessToken = this.tokens.issue(user.id(), user.role(), sessionId, now);
		return response(user, accessToken, refreshToken);
	}

	/**
	 * The answer of the rotation at {@code rotatedAt}: the same for each of its retries.
	 */
	private TokenResponse answer(User user, String sessionId, RefreshTokens.Successor successor, Instant rotatedAt) {
		String accessToken = this.tokens.issue(user.id(), user.role(), sessionId, rotatedAt, successor.accessTokenId());
		return response(user, accessToken, successor.refreshToken());
	}

	private TokenResponse response(User user, String accessToken, String refreshToken) {
		return TokenResponse.bearer(accessToken, refreshToken, this.tokens.expiresInSeconds(),
				this.properties.refreshTokenTtl().toSeconds(), UserView.of(user));
	}

}
