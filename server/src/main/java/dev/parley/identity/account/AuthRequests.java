package dev.parley.identity.account;

/**
 * The JSON bodies of the auth and profile endpoints (snake_case, unknown fields
 * rejected).
 */
final class AuthRequests {

	private AuthRequests() {
	}

	/** {@code POST /api/v1/auth/register}. */
	record Register(String email, String password, String displayName) {
	}

	/** {@code POST /api/v1/auth/login}. */
	record Login(String email, String password) {
	}

	/** {@code POST /api/v1/auth/refresh}, and optionally {@code /logout}. */
	record Refresh(String refreshToken) {
	}

	/**
	 * {@code PATCH /api/v1/users/me}: only the display name; role and status are not the
	 * user's to set.
	 */
	record UpdateProfile(String displayName) {
	}

	/** {@code POST /api/v1/users/me/password}. */
	record ChangePassword(String currentPassword, String newPassword) {
	}

}
