package dev.parley.identity.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import dev.parley.identity.IdentityProperties;
import dev.parley.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access tokens: one issued is read back; remembering verified tokens never lets in a
 * token whose signature differs by one character, nor one signed with another key; an
 * expired token is refused every time.
 */
class AccessTokensTests {

	private static final SecretKey KEY = key("an access token key of at least 32 bytes!");

	private final AccessTokens tokens = new AccessTokens(KEY, properties());

	@Test
	void aTokenIsReadBackAndStaysValidWhenReadAgain() {
		String token = this.tokens.issue("user-1", Role.USER, "session-1", Instant.now());
		for (int i = 0; i < 3; i++) {
			Jwt jwt = this.tokens.decode(token);
			assertThat(jwt.getSubject()).isEqualTo("user-1");
			assertThat(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM)).isEqualTo("session-1");
		}
	}

	@Test
	void aVerifiedTokenDoesNotVouchForAnyOtherText() {
		String token = this.tokens.issue("user-1", Role.USER, "session-1", Instant.now());
		this.tokens.decode(token);
		int signature = token.lastIndexOf('.') + 1;
		String tampered = token.substring(0, signature) + ((token.charAt(signature) == 'A') ? 'B' : 'A')
				+ token.substring(signature + 1);
		assertThatThrownBy(() -> this.tokens.decode(tampered)).isInstanceOf(JwtException.class);
		AccessTokens other = new AccessTokens(key("another key, also of at least 32 bytes"), properties());
		String foreign = other.issue("user-1", Role.ADMIN, "session-1", Instant.now());
		assertThatThrownBy(() -> this.tokens.decode(foreign)).isInstanceOf(JwtException.class);
	}

	@Test
	void anExpiredTokenIsRefusedEveryTime() {
		String expired = this.tokens.issue("user-1", Role.USER, "session-1", Instant.now().minus(Duration.ofHours(1)));
		assertThatThrownBy(() -> this.tokens.decode(expired)).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> this.tokens.decode(expired)).as("a refused token is not remembered")
			.isInstanceOf(JwtException.class);
	}

	private static IdentityProperties properties() {
		return new IdentityProperties("x".repeat(48), Duration.ofMinutes(15), Duration.ofDays(30),
				Duration.ofSeconds(5), true, null, null, 10, Duration.ofSeconds(30), false);
	}

	private static SecretKey key(String text) {
		return new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
