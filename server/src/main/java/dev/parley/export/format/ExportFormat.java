package dev.parley.export.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats of an export, with their media type and file extension. */
public enum ExportFormat {

	/** Parley's own versioned document (docs/EXPORT-FORMAT.md), lossless. */
	JSON("application/json", "json"),
	/** One message per line, each with its conversation's id and title. */
	NDJSON("application/x-ndjson", "ndjson"),
	/** One message per row, UTF-8 with a byte order mark, RFC 4180 quoting. */
	CSV("text/csv", "csv"),
	/** One section per conversation, for people. */
	MARKDOWN("text/markdown", "md");

	private final String mediaType;

	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/** The media type, with {@code charset=utf-8}. */
	public String mediaType() {
		return this.mediaType + ";charset=utf-8";
	}

	public String extension() {
		return this.extension;
	}

	/** The stored and answered name, in lower case. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ExportFormat> parse(String value) {
		return Arrays.stream(values()).filter((format) -> format.value().equalsIgnoreCase(value.strip())).findFirst();
	}

}
