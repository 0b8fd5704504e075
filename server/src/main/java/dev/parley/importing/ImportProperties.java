package dev.parley.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of imports ({@code parley.import.*}).
 *
 * @param maxBytes the largest upload (the zip or JSON file as sent); a larger one is
 * refused with 413, up front when its {@code Content-Length} says so, else as soon as
 * that many bytes have been read; the conversations before that point stay imported
 * @param maxUnzippedBytes the most that the {@code conversations*.json} entries of a zip
 * may unpack to, all together
 * @param maxConversationBytes the largest single conversation in a file (its JSON); a
 * larger one is skipped and reported, and no text of the file may be longer
 * @param uploadGrace how long a job's spooled upload that no queued or running job holds
 * (left by a crash between spooling and queuing, or by a job whose end did not delete it)
 * stays in the tasks directory before the sweep deletes it; at least a minute
 */
@ConfigurationProperties("parley.import")
record ImportProperties(@DefaultValue("512MB") DataSize maxBytes, @DefaultValue("2GB") DataSize maxUnzippedBytes,
		@DefaultValue("32MB") DataSize maxConversationBytes, @DefaultValue("1h") Duration uploadGrace) {

	ImportProperties {
		if (maxBytes.toBytes() < 1 || maxUnzippedBytes.toBytes() < 1 || maxConversationBytes.toBytes() < 1024) {
			throw new IllegalArgumentException("parley.import.max-bytes and max-unzipped-bytes must be positive and"
					+ " parley.import.max-conversation-bytes at least 1KB");
		}
		if (uploadGrace.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("parley.import.upload-grace must be at least 1m, not " + uploadGrace);
		}
	}

}
