package dev.parley.bench.sim;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Any other path: 404 in OpenAI's error shape. */
final class NotFoundHandler implements HttpHandler {

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		OpenAiErrors.send(exchange, 404, "invalid_request_error", "unknown_url",
				"Unknown request URL: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), -1);
	}

}
