package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for other features' signed tokens (visitor tokens), each derived from the
 * installation's access-token key for one purpose (HMAC-SHA256 of the purpose), so that
 * every instance sharing {@code PARLEY_JWT_SECRET} derives the same keys and a key of one
 * purpose never signs for another.
 */
public final class SigningKeys {

	private final SecretKey root;

	SigningKeys(SecretKey root) {
		this.root = root;
	}

	/** The key of {@code purpose}, for HMAC-SHA256. */
	public SecretKey derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.root);
			return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
