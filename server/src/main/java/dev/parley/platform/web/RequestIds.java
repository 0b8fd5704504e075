package dev.parley.platform.web;

import java.util.regex.Pattern;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.logging.LogContext;

/**
 * The id of each request ({@code x-request-id}): the client's when it is a sane one (1 to
 * 128 characters of {@code A-Z a-z 0-9 . _ : + = / -}, so that it cannot forge log lines
 * or headers), else a new {@code req_} id.
 */
final class RequestIds {

	/** The header that carries it, both ways. */
	static final String HEADER = "x-request-id";

	/** The MDC key log lines show it under (and the request attribute it is kept in). */
	static final String MDC_KEY = LogContext.REQUEST_ID;

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+=/-]{1,128}");

	private final IdGenerator ids;

	RequestIds(IdGenerator ids) {
		this.ids = ids;
	}

	/** The id for a request that sent {@code given} (null when it sent none). */
	String idFor(String given) {
		if (given != null && SANE.matcher(given).matches()) {
			return given;
		}
		return "req_" + this.ids.next().toString().replace("-", "");
	}

}
