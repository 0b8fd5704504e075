package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.sun.net.httpserver.HttpExchange;

/** The optional bearer key check; answers 401 itself when the key is wrong. */
final class Auth {

	private Auth() {
	}

	/** True when the request may proceed; otherwise a 401 was sent. */
	static boolean check(HttpExchange exchange, String apiKey) throws IOException {
		if (apiKey == null || apiKey.isEmpty()) {
			return true;
		}
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (matches("Bearer " + apiKey, header)) {
			return true;
		}
		exchange.getRequestBody().readAllBytes();
		String message = (header != null) ? "Incorrect API key provided." : "You didn't provide an API key.";
		OpenAiErrors.send(exchange, 401, "invalid_request_error", "invalid_api_key", message, -1);
		return false;
	}

	/** Whether a header carries exactly {@code expected}, compared in constant time. */
	static boolean matches(String expected, String header) {
		return header != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8));
	}

}
