package dev.parley.identity.session;

import java.time.Instant;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.parley.identity.IdentityProperties;
import dev.parley.identity.Role;

/**
 * Issues and checks the short-lived access tokens: HS256 JWTs naming the user
 * ({@code sub}) and the login session ({@code sid}) they belong to. A token once verified
 * is remembered until it expires (at most {@value #VERIFIED_KEPT} of them), so that a
 * client's next requests with it skip parsing and the signature check: a token is only
 * remembered after its signature was checked, and is found again only by its exact text.
 */
public class AccessTokens {

	static final String ISSUER = "parley";

	public static final String SESSION_CLAIM = "sid";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	/** How many verified tokens are remembered at most. */
	static final int VERIFIED_KEPT = 10_000;

	private final IdentityProperties properties;

	private final Cache<String, Jwt> verified;

	public AccessTokens(SecretKey key, IdentityProperties properties) {
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		this.decoder = decoder;
		this.properties = properties;
		this.verified = Caffeine.newBuilder()
			.maximumSize(VERIFIED_KEPT)
			.expireAfterWrite(properties.accessTokenTtl())
			.build();
	}

	/**
	 * A signed token for the user's session with a random id, valid for the configured
	 * lifetime.
	 */
	String issue(String userId, Role role, String sessionId, Instant now) {
		return issue(userId, role, sessionId, now, UUID.randomUUID().toString());
	}

	/**
	 * A signed token for the user's session with the id {@code tokenId}, valid for the
	 * configured lifetime from {@code issuedAt}: the same arguments always give the same
	 * token.
	 */
	String issue(String userId, Role role, String sessionId, Instant issuedAt, String tokenId) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(userId)
			.id(tokenId)
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(this.properties.accessTokenTtl()))
			.claim(SESSION_CLAIM, sessionId)
			.claim("role", role.name().toLowerCase(java.util.Locale.ROOT))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * Verifies signature, issuer and lifetime; throws a {@code JwtException} otherwise. A
	 * token verified before is answered from memory while it has not expired.
	 */
	public Jwt decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && known.getExpiresAt() != null && Instant.now().isBefore(known.getExpiresAt())) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		this.verified.put(token, jwt);
		return jwt;
	}

	long expiresInSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

}
