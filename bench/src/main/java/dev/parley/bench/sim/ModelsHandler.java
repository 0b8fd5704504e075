package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code GET /v1/models}: the one model {@code sim}. */
final class ModelsHandler implements HttpHandler {

	private static final byte[] BODY = ("{\"object\":\"list\",\"data\":[{\"id\":\"sim\",\"object\":\"model\","
			+ "\"created\":1700000000,\"owned_by\":\"parley-simulator\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private final SimulatorConfig config;

	ModelsHandler(SimulatorConfig config) {
		this.config = config;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		if (!Auth.check(exchange, this.config.apiKey())) {
			return;
		}
		if (!"GET".equals(exchange.getRequestMethod())) {
			OpenAiErrors.send(exchange, 405, "invalid_request_error", null, "Use GET", -1);
			return;
		}
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, BODY.length);
		exchange.getResponseBody().write(BODY);
		exchange.close();
	}

}
