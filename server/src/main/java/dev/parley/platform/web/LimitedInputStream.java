package dev.parley.platform.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import dev.parley.platform.problem.RequestBodyTooLargeException;

/**
 * A request body stream that fails with {@link RequestBodyTooLargeException} as soon as
 * more than {@code limit} bytes have been read, so an undeclared (chunked) body cannot
 * grow without bound.
 */
final class LimitedInputStream extends ServletInputStream {

	private final ServletInputStream body;

	private final long limit;

	private long count;

	private boolean exceeded;

	LimitedInputStream(ServletInputStream body, long limit) {
		this.body = body;
		this.limit = limit;
	}

	boolean exceeded() {
		return this.exceeded;
	}

	@Override
	public int read() throws IOException {
		int b = this.body.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = this.body.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	private void counted(int n) throws RequestBodyTooLargeException {
		this.count += n;
		if (this.count > this.limit) {
			this.exceeded = true;
			throw new RequestBodyTooLargeException(this.limit);
		}
	}

	@Override
	public boolean isFinished() {
		return this.body.isFinished();
	}

	@Override
	public boolean isReady() {
		return this.body.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		this.body.setReadListener(listener);
	}

	@Override
	public int available() throws IOException {
		return this.body.available();
	}

	@Override
	public void close() throws IOException {
		this.body.close();
	}

}
