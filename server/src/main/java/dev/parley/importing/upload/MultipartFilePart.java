package dev.parley.importing.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The content of the part named {@code file} of a {@code multipart/form-data} body (RFC
 * 7578), read straight from the body as it arrives: parts before it are skipped, nothing
 * is buffered beyond a small window, and nothing is written to disk. Reading fails when
 * the body ends before the part's closing boundary (a cut upload).
 */
final class MultipartFilePart extends InputStream {

	/** The form field the file is sent in. */
	static final String FIELD = "file";

	/** Longest header block of a part. */
	private static final int MAX_HEADER_BYTES = 16 * 1024;

	private static final int WINDOW = 64 * 1024;

	private final InputStream body;

	/** {@code CRLF--boundary}: what ends a part. */
	private final byte[] delimiter;

	private final byte[] buffer;

	private int start;

	private int end;

	/** Positions before it are known not to start a delimiter. */
	private int checked;

	private boolean bodyEnded;

	private boolean partEnded;

	private MultipartFilePart(InputStream body, String boundary) {
		this.body = body;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		this.buffer = new byte[WINDOW + this.delimiter.length];
		// The first boundary has no CRLF before it: pretend it has.
		this.buffer[0] = '\r';
		this.buffer[1] = '\n';
		this.end = 2;
	}

	/**
	 * The {@code file} part of {@code body}, positioned at its first byte.
	 * @throws UploadException when the form has no such part
	 * @throws IOException when reading the body fails
	 */
	static InputStream open(InputStream body, String contentType) throws IOException {
		String boundary = boundary(contentType);
		if (boundary == null) {
			throw new UploadException(UploadException.Kind.NO_FILE_PART,
					"The multipart/form-data content type has no valid boundary");
		}
		MultipartFilePart part = new MultipartFilePart(body, boundary);
		part.skipPart();
		while (part.nextPart()) {
			if (FIELD.equals(part.fieldName(part.readHeaders()))) {
				return part;
			}
			part.skipPart();
		}
		throw new UploadException(UploadException.Kind.NO_FILE_PART, "The form has no part named '" + FIELD + "'");
	}

	/** The {@code boundary} parameter (RFC 2046: 1 to 70 characters), or null. */
	static @Nullable String boundary(String contentType) {
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.strip();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String value = trimmed.substring("boundary=".length()).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return (!value.isEmpty() && value.length() <= 70 && value.chars().allMatch((c) -> c > 32 && c < 127))
						? value : null;
			}
		}
		return null;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.partEnded) {
			return -1;
		}
		while (true) {
			int found = indexOfDelimiter();
			if (found >= 0) {
				if (found == this.start) {
					this.start += this.delimiter.length;
					this.partEnded = true;
					return -1;
				}
				return take(target, offset, Math.min(length, found - this.start));
			}
			// Bytes that cannot start a delimiter are safe to hand out.
			int safe = this.end - this.start - (this.delimiter.length - 1);
			if (safe > 0) {
				return take(target, offset, Math.min(length, safe));
			}
			if (!fill()) {
				throw new IOException("The multipart body ends before the closing boundary of its '" + FIELD
						+ "' part: the upload was cut short");
			}
		}
	}

	private int take(byte[] target, int offset, int count) {
		System.arraycopy(this.buffer, this.start, target, offset, count);
		this.start += count;
		return count;
	}

	/** Reads more of the body into the window; false when it has ended. */
	private boolean fill() throws IOException {
		if (this.bodyEnded) {
			return false;
		}
		if (this.start > 0) {
			System.arraycopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
			this.end -= this.start;
			this.checked = Math.max(0, this.checked - this.start);
			this.start = 0;
		}
		int n = this.body.read(this.buffer, this.end, this.buffer.length - this.end);
		if (n < 0) {
			this.bodyEnded = true;
			return false;
		}
		this.end += n;
		return true;
	}

	private int indexOfDelimiter() {
		byte first = this.delimiter[0];
		int last = this.end - this.delimiter.length;
		for (int i = Math.max(this.start, this.checked); i <= last; i++) {
			if (this.buffer[i] == first && Arrays.equals(this.buffer, i, i + this.delimiter.length, this.delimiter, 0,
					this.delimiter.length)) {
				this.checked = i;
				return i;
			}
		}
		this.checked = Math.max(this.checked, last + 1);
		return -1;
	}

	/** Reads past the rest of the current part (the preamble, at first). */
	private void skipPart() throws IOException {
		byte[] sink = new byte[8192];
		while (read(sink, 0, sink.length) >= 0) {
			// skipping
		}
	}

	/**
	 * After a delimiter: true when a part follows (its headers next), false at the
	 * closing delimiter.
	 */
	private boolean nextPart() throws IOException {
		while (this.end - this.start < 2) {
			if (!fill()) {
				return false;
			}
		}
		if (this.buffer[this.start] == '-' && this.buffer[this.start + 1] == '-') {
			return false;
		}
		String rest = line();
		if (!rest.isBlank()) {
			throw new UploadException(UploadException.Kind.MALFORMED, "The multipart body has a malformed boundary");
		}
		this.partEnded = false;
		return true;
	}

	/** The part's header lines, up to the empty line. */
	private String readHeaders() throws IOException {
		StringBuilder headers = new StringBuilder();
		for (String line = line(); !line.isEmpty(); line = line()) {
			headers.append(line).append('\n');
			if (headers.length() > MAX_HEADER_BYTES) {
				throw new UploadException(UploadException.Kind.MALFORMED, "A part's headers are too long");
			}
		}
		return headers.toString();
	}

	/** One line of the body, without its CRLF. */
	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			if (this.start == this.end && !fill()) {
				throw new IOException("The multipart body ends inside a part's headers: the upload was cut short");
			}
			byte b = this.buffer[this.start++];
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			line.write(b);
			if (line.size() > MAX_HEADER_BYTES) {
				throw new UploadException(UploadException.Kind.MALFORMED, "A part's headers are too long");
			}
		}
	}

	/** The {@code name} of a {@code Content-Disposition: form-data} header, or null. */
	private @Nullable String fieldName(String headers) {
		for (String header : headers.split("\n")) {
			int colon = header.indexOf(':');
			if (colon < 0 || !header.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
				continue;
			}
			for (String parameter : header.substring(colon + 1).split(";")) {
				String trimmed = parameter.strip();
				if (trimmed.toLowerCase(Locale.ROOT).startsWith("name=")) {
					String value = trimmed.substring("name=".length()).strip();
					return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
							? value.substring(1, value.length() - 1) : value;
				}
			}
		}
		return null;
	}

}
