package dev.parley.export.job;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

import dev.parley.export.ExportProblem;
import dev.parley.export.ExportProperties;
import dev.parley.identity.SigningKeys;
import dev.parley.platform.problem.ProblemException;

/**
 * Signed download links of export jobs: {@code expires} (epoch seconds) and an
 * HMAC-SHA256 {@code signature} of the job id, its owner and the expiry, under a key
 * derived for this purpose from the installation's token key (so every instance checks
 * the links of the others). A link works without a login until it expires.
 */
@Component
public class DownloadLinks {

	private static final String PURPOSE = "parley-export-download-v1";

	private final SecretKey key;

	private final ExportProperties properties;

	private final Clock clock;

	DownloadLinks(SigningKeys keys, ExportProperties properties, Clock clock) {
		this.key = keys.derive(PURPOSE);
		this.properties = properties;
		this.clock = clock;
	}

	/** The job's download URL, relative to the server, valid for {@code link-ttl}. */
	public String url(UUID job, String owner) {
		return url(job, owner, this.clock.instant().plus(this.properties.linkTtl()));
	}

	/** The job's download URL, valid until {@code expiresAt} (to the second). */
	public String url(UUID job, String owner, Instant expiresAt) {
		long expires = expiresAt.getEpochSecond();
		return "/api/v1/exports/jobs/" + job + "/download?expires=" + expires + "&signature="
				+ sign(job, owner, expires);
	}

	/**
	 * Checks a link's signature and expiry.
	 * @throws ProblemException 403 {@code export-link-invalid} for a forged, altered or
	 * expired link
	 */
	public void verify(UUID job, String owner, long expires, String signature) {
		byte[] expected = sign(job, owner, expires).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw ProblemException.of(ExportProblem.DOWNLOAD_LINK_INVALID, "The link's signature does not match.");
		}
		if (Instant.ofEpochSecond(expires).isBefore(this.clock.instant())) {
			throw ProblemException.of(ExportProblem.DOWNLOAD_LINK_INVALID,
					"The link has expired; ask the job for a new one.");
		}
	}

	private String sign(UUID job, String owner, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((job + "\n" + owner + "\n" + expires).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
