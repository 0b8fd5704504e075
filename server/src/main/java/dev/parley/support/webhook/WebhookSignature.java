package dev.parley.support.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Parley-Signature} of a delivery: {@code sha256=} and the hex HMAC-SHA256,
 * keyed with the webhook's secret (its UTF-8 bytes), of the timestamp header, a dot and
 * the body, so that a receiver can tell the body is Parley's and refuse an old one sent
 * again.
 */
final class WebhookSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignature() {
	}

	static String of(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK always has HmacSHA256", ex);
		}
	}

}
