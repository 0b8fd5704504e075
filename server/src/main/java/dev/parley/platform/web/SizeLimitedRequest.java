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

	private LimitedInputStream stream() throws IOException {
		if (this.body == null) {
			this.body = new LimitedInputStream(super.getInputStream(), this.limit);
		}
		return this.body;
	}

}
