package dev.parley.support.visitor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.identity.SigningKeys;

/**
 * Visitor tokens, {@code pvt1.<visitor id>.<signature>}: the signature is HMAC-SHA256 of
 * {@code pvt1.<visitor id>} with a key derived from the installation's signing secret, so
 * every instance checks them without a lookup and nobody can make one for another
 * visitor. They do not expire: the widget keeps one so that a returning visitor finds
 * their history; a visitor deleted from the database is refused all the same.
 * <p>
 * Also checks the identity a host site vouches for: {@code identifier_hash} is the hex
 * HMAC-SHA256 of the identifier with the inbox's secret.
 */
@Component
class VisitorTokens {

	static final String PREFIX = "pvt1.";

	private final SecretKey key;

	VisitorTokens(SigningKeys keys) {
		this.key = keys.derive("parley.support.visitor-token.v1");
	}

	String issue(UUID visitorId) {
		String body = PREFIX + visitorId;
		return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(this.key, body));
	}

	/** The visitor a token names, or null when it is not one this installation signed. */
	@Nullable UUID verify(@Nullable String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return null;
		}
		int dot = token.lastIndexOf('.');
		if (dot <= PREFIX.length()) {
			return null;
		}
		String body = token.substring(0, dot);
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!MessageDigest.isEqual(given, mac(this.key, body))) {
			return null;
		}
		try {
			return UUID.fromString(body.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether {@code hash} (hex) is the HMAC-SHA256 of {@code identifier} with
	 * {@code secret}.
	 */
	static boolean identityVouched(String secret, String identifier, @Nullable String hash) {
		if (hash == null || hash.isBlank()) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hash.strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		byte[] expected = mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), identifier);
		return MessageDigest.isEqual(given, expected);
	}

	private static byte[] mac(SecretKey key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
