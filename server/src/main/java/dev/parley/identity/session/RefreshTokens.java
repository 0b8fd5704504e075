package dev.parley.identity.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.identity.Secrets;
import dev.parley.platform.Digests;

/**
 * The refresh tokens of a login session: the first one random, each later one derived
 * from the token it replaces with an HMAC under a key of its own (itself derived from the
 * access-token signing key). So every refresh of one token, however many arrive at once,
 * can be answered with the same successor, while the database keeps only digests and
 * nothing it holds can be turned into a usable token.
 */
public class RefreshTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKey key;

	private final Secrets secrets;

	/**
	 * Derives this class's key from {@code signingKey}, the secret every instance of a
	 * cluster shares.
	 */
	public RefreshTokens(SecretKey signingKey, Secrets secrets) {
		this.key = new SecretKeySpec(mac(signingKey, "parley refresh-token successors"), ALGORITHM);
		this.secrets = secrets;
	}

	/** The first refresh token of a new session: 256 random bits. */
	String first() {
		return this.secrets.token();
	}

	/**
	 * What a refresh of {@code token} answers, the same every time: its successor and the
	 * id of the access token issued with it.
	 */
	Successor successorOf(String token) {
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(this.key, "next:" + token));
		UUID accessTokenId = UUID.nameUUIDFromBytes(mac(this.key, "access-token-id:" + token));
		return new Successor(refreshToken, accessTokenId.toString());
	}

	/** How a refresh token is stored and looked up. */
	static String digest(String token) {
		return Digests.sha256Hex(token);
	}

	private static byte[] mac(SecretKey key, String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK always has " + ALGORITHM, ex);
		}
	}

	/** A refresh token's successor and the id of the access token that comes with it. */
	record Successor(String refreshToken, String accessTokenId) {
	}

}
