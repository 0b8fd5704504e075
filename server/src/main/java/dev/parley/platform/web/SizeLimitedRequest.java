package dev.parley.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body, read as a stream or a reader, stops at the size limit. */
final class SizeLimitedRequest extends HttpServletRequestWrapper {

	private final long limit;

	private LimitedInputStream body;

	private BufferedReader reader;

	SizeLimitedRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	/** Whether reading the body ran past the limit. */
	boolean exceeded() {
		return this.body != null && this.body.exceeded();
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.reader != null) {
			throw new IllegalStateException("getReader() has already been called");
		}
		return stream();
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			if (this.body != null) {
				throw new IllegalStateException("getInputStream() has already been called");
			}
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			this.reader = new BufferedReader(new InputStreamReader(stream(), charset));
		}
		return this.reader;
	}

	/**
	 * Reads and discards what the application left unread of the body, at most
	 * {@code maxBytes} of it. Jetty closes a connection whose request body was not read
	 * to its end, and when the answer was already sent it cannot tell the client so: a
	 * client that reuses the connection (every HTTP/1.1 client keeps them alive) would
	 * see its next request fail. Answers that rejected a request before reading its body
	 * (401, 403, 429, ...) are the usual case, and the body arriving a moment after the
	 * headers is what makes it intermittent.
	 */
	void discardUnread(long maxBytes) {
		if (!mayHaveBody()) {
			return;
		}
		try {
			LimitedInputStream in = stream();
			byte[] buffer = new byte[8192];
			long discarded = 0;
			while (!in.isFinished() && discarded <= maxBytes) {
				int n = in.read(buffer, 0, buffer.length);
				if (n < 0) {
					return;
				}
				discarded += n;
			}
		}
		catch (IOException | IllegalStateException ex) {
			// Past the limit, the client gone, or the body read through the container's
			// own reader (form parameters): nothing more to read here; Jetty closes the
			// connection.
		}
	}

	private boolean mayHaveBody() {
		long length = getContentLengthLong();
		return length > 0 || (length < 0 && getHeader("Transfer-Encoding") != null);
	}

	private LimitedInputStream stream() throws IOException {
		if (this.body == null) {
			this.body = new LimitedInputStream(super.getInputStream(), this.limit);
		}
		return this.body;
	}

}
