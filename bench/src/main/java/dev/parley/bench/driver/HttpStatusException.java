package dev.parley.bench.driver;

import java.io.IOException;

/** A request the driver needed got an unexpected HTTP status. */
final class HttpStatusException extends IOException {

	private final int status;

	HttpStatusException(int status, String detail) {
		super("HTTP " + status + ": " + detail);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
