package dev.parley.identity;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of accounts, logins and sessions, API keys and user administration.
 */
public enum IdentityProblem implements ProblemType {

	INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Wrong e-mail or password"),
	INVALID_REFRESH_TOKEN("invalid-refresh-token", HttpStatus.UNAUTHORIZED, "Invalid refresh token"),
	REFRESH_TOKEN_REUSED("refresh-token-reused", HttpStatus.UNAUTHORIZED,
			"Refresh token used twice; the session is revoked"),
	ACCOUNT_DISABLED("account-disabled", HttpStatus.FORBIDDEN, "Account disabled"),
	PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required"),
	EMAIL_TAKEN("email-taken", HttpStatus.CONFLICT, "E-mail address already registered"),
	WEAK_PASSWORD("weak-password", HttpStatus.BAD_REQUEST, "Password too weak"),
	REGISTRATION_CLOSED("registration-closed", HttpStatus.FORBIDDEN, "Registration is closed"),
	USER_NOT_FOUND("user-not-found", HttpStatus.NOT_FOUND, "User not found"),
	API_KEY_NOT_FOUND("api-key-not-found", HttpStatus.NOT_FOUND, "API key not found"),
	SELF_LOCKOUT("self-lockout", HttpStatus.CONFLICT, "An administrator cannot demote or disable themselves");

	private final Definition definition;

	IdentityProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
