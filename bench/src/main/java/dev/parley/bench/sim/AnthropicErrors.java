package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * Sends errors in Anthropic's shape:
 * {@code {"type":"error","error":{"type","message"},"request_id"}}.
 */
final class AnthropicErrors {

	private static final AtomicLong IDS = new AtomicLong();

	private AnthropicErrors() {
	}

	static void send(HttpExchange exchange, int status, String type, String message, int retryAfterSeconds)
			throws IOException {
		String requestId = "req_sim" + IDS.incrementAndGet();
		byte[] body = json(type, message, requestId).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("request-id", requestId);
		if (retryAfterSeconds >= 0) {
			exchange.getResponseHeaders().set("retry-after", Integer.toString(retryAfterSeconds));
		}
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	static String json(String type, String message, String requestId) {
		return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + ChunkFormat.quote(message)
				+ "}" + ((requestId != null) ? ",\"request_id\":\"" + requestId + "\"" : "") + "}";
	}

	static void badRequest(HttpExchange exchange, String message) throws IOException {
		send(exchange, 400, "invalid_request_error", message, -1);
	}

	/** A status fault: the error type Anthropic uses for that status. */
	static void fault(HttpExchange exchange, int status, Behaviour behaviour) throws IOException {
		send(exchange, status, type(status), behaviour.faultMessage("Simulated fault: HTTP " + status),
				behaviour.retryAfterSeconds());
	}

	static String type(int status) {
		return switch (status) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 413 -> "request_too_large";
			case 429 -> "rate_limit_error";
			case 504 -> "timeout_error";
			case 529 -> "overloaded_error";
			default -> (status >= 500) ? "api_error" : "invalid_request_error";
		};
	}

}
