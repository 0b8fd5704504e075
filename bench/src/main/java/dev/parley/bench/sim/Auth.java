package dev.parley.bench.sim;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

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
		byte[] expected = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
		if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
			return true;
		}
		exchange.getRequestBody().readAllBytes();
		String message = (header == null) ? "You didn't provide an API key." : "Incorrect API key provided.";
		OpenAiErrors.send(exchange, 401, "invalid_request_error", "invalid_api_key", message, -1);
		return false;
	}

}
