package dev.parley.bench.driver;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Splits a byte stream that arrives in buffers into lines, handing each line to a sink as
 * a slice of one reusable array, so a line costs no allocation. Lines end with {@code \n}
 * or {@code \r\n}; a lone {@code \r} is not a line end (neither Parley nor the simulator
 * sends one).
 */
final class LineSplitter {

	/** Receives each complete line; the bytes are valid only during the call. */
	interface Sink {

		void line(byte[] b, int off, int len);

	}

	private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

	private byte[] buf;

	private int limit;

	LineSplitter(int initialCapacity) {
		this.buf = new byte[Math.max(16, initialCapacity)];
	}

	/** Appends the buffer's remaining bytes and emits every line they complete. */
	void feed(ByteBuffer data, Sink sink) throws IOException {
		while (data.hasRemaining()) {
			int n = Math.min(data.remaining(), room());
			int scanFrom = this.limit;
			data.get(this.buf, this.limit, n);
			this.limit += n;
			int start = 0;
			for (int i = scanFrom; i < this.limit; i++) {
				if (this.buf[i] == '\n') {
					emit(start, i, sink);
					start = i + 1;
				}
			}
			if (start > 0) {
				System.arraycopy(this.buf, start, this.buf, 0, this.limit - start);
				this.limit -= start;
			}
		}
	}

	/** Emits a last line that had no terminator. */
	void finish(Sink sink) {
		if (this.limit > 0) {
			emit(0, this.limit, sink);
			this.limit = 0;
		}
	}

	private void emit(int start, int end, Sink sink) {
		int stop = (end > start && this.buf[end - 1] == '\r') ? end - 1 : end;
		sink.line(this.buf, start, stop - start);
	}

	private int room() throws IOException {
		if (this.limit == this.buf.length) {
			if (this.buf.length >= MAX_LINE_BYTES) {
				throw new IOException("SSE line longer than " + MAX_LINE_BYTES + " bytes");
			}
			byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, this.buf.length * 2)];
			System.arraycopy(this.buf, 0, bigger, 0, this.limit);
			this.buf = bigger;
		}
		return this.buf.length - this.limit;
	}

}
