package dev.parley.provider.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;

/**
 * Classifies what an upstream answered or how it failed into a {@link ProviderException}.
 */
final class UpstreamErrors {

	private UpstreamErrors() {
	}

	/** An HTTP status that is not 2xx, with the upstream's own error message. */
	static ProviderException status(int status, HttpHeaders headers, byte[] body, JsonMapper json) {
		String message = "upstream answered HTTP " + status + ": " + message(body, json);
		if (status == 429) {
			return new ProviderException(ProviderFailure.RATE_LIMITED, message, status, retryAfter(headers), null);
		}
		ProviderFailure failure;
		if (status == 401 || status == 403) {
			failure = ProviderFailure.AUTHENTICATION;
		}
		else if (status == 404) {
			failure = ProviderFailure.NOT_FOUND;
		}
		else if (status >= 400 && status < 500) {
			failure = ProviderFailure.BAD_REQUEST;
		}
		else {
			failure = ProviderFailure.SERVER_ERROR;
		}
		return new ProviderException(failure, message, status, retryAfter(headers), null);
	}

	/** A failure before any response: refused, reset, DNS, connect timeout. */
	static ProviderException connect(Throwable cause, String target) {
		String what = (cause instanceof HttpConnectTimeoutException) ? "connect timeout"
				: (cause instanceof ConnectException) ? "connection refused" : "no response";
		String detail = (cause != null && cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : "";
		return new ProviderException(ProviderFailure.CONNECT_ERROR, what + " from " + target + detail, 0, null, cause);
	}

	static ProviderException cut(IOException cause) {
		return new ProviderException(ProviderFailure.STREAM_CUT,
				"upstream connection broke mid-reply: " + cause.getMessage(), 0, null, cause);
	}

	/**
	 * {@code Retry-After} in seconds or as an HTTP-date ({@code retry-after-ms} first),
	 * or null.
	 */
	static Duration retryAfter(HttpHeaders headers) {
		String millis = headers.firstValue("retry-after-ms").orElse(null);
		if (millis != null) {
			try {
				return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.trim())));
			}
			catch (NumberFormatException ex) {
				// fall through to Retry-After
			}
		}
		String value = headers.firstValue("retry-after").orElse(null);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/**
	 * The upstream's error message ({@code error.message} in OpenAI's shape), else the
	 * body's start.
	 */
	static String message(byte[] body, JsonMapper json) {
		if (body == null || body.length == 0) {
			return "(no body)";
		}
		try {
			JsonNode root = json.readTree(body);
			JsonNode error = root.path("error");
			String message = error.isString() ? error.asString() : error.path("message").asString(null);
			if (message == null) {
				message = root.path("message").asString(null);
			}
			if (message != null) {
				return message;
			}
		}
		catch (JacksonException ex) {
			// not JSON: use the text
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
