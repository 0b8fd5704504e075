package dev.parley.provider.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without copying them: after {@link #next()} the line is
 * {@code buffer()[start() .. end())}, valid until the next call. Ends of lines are
 * {@code \n} or {@code \r\n}.
 */
final class SseLineReader {

	private static final int MAX_LINE = 16 * 1024 * 1024;

	private final InputStream in;

	/**
	 * Small to start: SSE lines are short, and every held stream keeps one; it grows when
	 * needed.
	 */
	private byte[] buffer = new byte[1024];

	private int position;

	private int limit;

	private int start;

	private int end;

	SseLineReader(InputStream in) {
		this.in = in;
	}

	/** Reads the next line; false at the end of the stream. */
	boolean next() throws IOException {
		int scan = this.position;
		while (true) {
			for (int i = scan; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					this.start = this.position;
					this.end = (i > this.start && this.buffer[i - 1] == '\r') ? i - 1 : i;
					this.position = i + 1;
					return true;
				}
			}
			scan = this.limit - this.position;
			compactOrGrow();
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				if (this.limit > this.position) {
					this.start = this.position;
					this.end = this.limit;
					this.position = this.limit;
					return true;
				}
				return false;
			}
			this.limit += read;
		}
	}

	private void compactOrGrow() throws IOException {
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
		}
		if (this.limit == this.buffer.length) {
			if (this.buffer.length >= MAX_LINE) {
				throw new IOException("line longer than " + MAX_LINE + " bytes");
			}
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
	}

	byte[] buffer() {
		return this.buffer;
	}

	int start() {
		return this.start;
	}

	int end() {
		return this.end;
	}

	int length() {
		return this.end - this.start;
	}

	/** Whether the line starts with {@code prefix} (ASCII). */
	boolean startsWith(byte[] prefix) {
		if (length() < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (this.buffer[this.start + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Whether bytes {@code [from, end)} equal {@code text} (ASCII). */
	boolean equalsAt(int from, byte[] text) {
		if (this.end - from != text.length) {
			return false;
		}
		for (int i = 0; i < text.length; i++) {
			if (this.buffer[from + i] != text[i]) {
				return false;
			}
		}
		return true;
	}

}
