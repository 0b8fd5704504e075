package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * Sends errors in OpenAI's shape: {@code {"error":{"message","type","param","code"}}}.
 */
final class OpenAiErrors {

	private OpenAiErrors() {
	}

	static void send(HttpExchange exchange, int status, String type, String code, String message, int retryAfterSeconds)
			throws IOException {
		String json = "{\"error\":{\"message\":" + ChunkFormat.quote(message) + ",\"type\":\"" + type
				+ "\",\"param\":null,\"code\":" + ((code != null) ? "\"" + code + "\"" : "null") + "}}";
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (retryAfterSeconds >= 0) {
			exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
		}
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	static void badRequest(HttpExchange exchange, String message) throws IOException {
		send(exchange, 400, "invalid_request_error", null, message, -1);
	}

	static void fault(HttpExchange exchange, int status, Behaviour behaviour) throws IOException {
		String type = switch (status) {
			case 429 -> "rate_limit_exceeded";
			case 401 -> "invalid_request_error";
			default -> (status >= 500) ? "server_error" : "invalid_request_error";
		};
		String code = (status == 429) ? "rate_limit_exceeded" : null;
		send(exchange, status, type, code, behaviour.faultMessage("Simulated fault: HTTP " + status),
				behaviour.retryAfterSeconds());
	}

}
