package dev.parley.identity;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of accounts, logins and sessions, API keys and user administration.
 */
public final class IdentityProblem {

	public static final ProblemType INVALID_CREDENTIALS = new ProblemType("invalid-credentials",
			HttpStatus.UNAUTHORIZED, "Wrong e-mail or password");

	public static final ProblemType INVALID_REFRESH_TOKEN = new ProblemType("invalid-refresh-token",
			HttpStatus.UNAUTHORIZED, "Invalid refresh token");

	public static final ProblemType REFRESH_TOKEN_REUSED = new ProblemType("refresh-token-reused",
			HttpStatus.UNAUTHORIZED, "Refresh token used twice; the session is revoked");

	public static final ProblemType ACCOUNT_DISABLED = new ProblemType("account-disabled", HttpStatus.FORBIDDEN,
			"Account disabled");

	public static final ProblemType PASSWORD_CHANGE_REQUIRED = new ProblemType("password-change-required",
			HttpStatus.FORBIDDEN, "Password change required");

	/**
	 * An API key on the administration surface ({@code /api/v1/admin/**}, the actuator
	 * endpoints that are not open): only an administrator's login session reaches it.
	 */
	public static final ProblemType ADMIN_SESSION_REQUIRED = new ProblemType("admin-session-required",
			HttpStatus.FORBIDDEN, "Administrator login session required");

	public static final ProblemType EMAIL_TAKEN = new ProblemType("email-taken", HttpStatus.CONFLICT,
			"E-mail address already registered");

	public static final ProblemType WEAK_PASSWORD = new ProblemType("weak-password", HttpStatus.BAD_REQUEST,
			"Password too weak");

	public static final ProblemType REGISTRATION_CLOSED = new ProblemType("registration-closed", HttpStatus.FORBIDDEN,
			"Registration is closed");

	public static final ProblemType USER_NOT_FOUND = new ProblemType("user-not-found", HttpStatus.NOT_FOUND,
			"User not found");

	public static final ProblemType API_KEY_NOT_FOUND = new ProblemType("api-key-not-found", HttpStatus.NOT_FOUND,
			"API key not found");

	public static final ProblemType SELF_LOCKOUT = new ProblemType("self-lockout", HttpStatus.CONFLICT,
			"An administrator cannot demote or disable themselves");

	private IdentityProblem() {
	}

}
