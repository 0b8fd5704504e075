package dev.parley.identity.session;

import dev.parley.identity.user.UserView;

/**
 * What a login or a refresh returns: a short-lived access token and its refresh token.
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
		long refreshExpiresIn, UserView user) {

	static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn,
			UserView user) {
		return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn, refreshExpiresIn, user);
	}

}
