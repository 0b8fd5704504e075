package dev.parley.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens ({@code parley.identity.*}).
 *
 * @param jwtSecret key that signs access tokens (HS256): base64 of at least 32 bytes, or
 * a passphrase of at least 32 characters; when empty, one is generated into the data
 * directory on first start. Every instance of a cluster needs the same value.
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (a login session lives while it is
 * refreshed within this time)
 * @param refreshReuseGrace how long after a refresh token was rotated a refresh with it
 * still gets the answer the first one got (the same new pair) rather than counting as
 * reuse: two tabs, or a retried request, refreshing one token at once. After the grace a
 * second use of a refresh token ends the session; {@code 0} turns the grace off
 * @param registrationOpen whether anyone may register; when false only administrators
 * create accounts
 * @param adminEmail e-mail of the first administrator, created on a database without one
 * @param adminPassword that administrator's password; when empty a one-time password is
 * generated and logged once
 * @param bcryptStrength the BCrypt cost (log2 of its rounds, 4 to 31) of new password
 * hashes; a stored hash keeps the cost it was made with
 * @param principalCacheTtl how long a resolved bearer credential (access token's session
 * and user, API key and owner) is reused without reading the database again; revocation
 * invalidates it at once (docs/adr/0005, addendum on the principal cache); {@code 0}
 * turns the cache off
 * @param singleInstance whether this instance is the only one using its server database
 * (PostgreSQL, MariaDB, H2 over TCP) when Redis is not configured: only then is the
 * principal cache used without Redis, since another instance's revocations could not
 * reach it. The embedded H2 file database always has a single instance
 */
@ConfigurationProperties("parley.identity")
public record IdentityProperties(String jwtSecret, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("5s") Duration refreshReuseGrace,
		@DefaultValue("true") boolean registrationOpen, String adminEmail, String adminPassword,
		@DefaultValue("10") int bcryptStrength, @DefaultValue("30s") Duration principalCacheTtl,
		@DefaultValue("false") boolean singleInstance) {

	static final String DEFAULT_ADMIN_EMAIL = "admin@parley.local";

	/**
	 * The first administrator's e-mail: the configured one or
	 * {@value #DEFAULT_ADMIN_EMAIL}.
	 */
	public String firstAdminEmail() {
		return (this.adminEmail == null || this.adminEmail.isBlank()) ? DEFAULT_ADMIN_EMAIL : this.adminEmail;
	}

}
