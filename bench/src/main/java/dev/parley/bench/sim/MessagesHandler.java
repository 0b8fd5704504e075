package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/messages} (Anthropic's Messages API): checks the key, the version
 * header and the request, then lets an {@link AnthropicReply} answer it.
 */
final class MessagesHandler implements HttpHandler {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimulatorConfig config;

	private final Behaviour defaults;

	private final SimulatorStats stats;

	private volatile boolean shutdown;

	MessagesHandler(SimulatorConfig config, SimulatorStats stats) {
		this.config = config;
		this.defaults = config.defaultBehaviour();
		this.stats = stats;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		byte[] raw = exchange.getRequestBody().readAllBytes();
		if (!"/v1/messages".equals(exchange.getRequestURI().getPath())) {
			AnthropicErrors.send(exchange, 404, "not_found_error", "Not found", -1);
			return;
		}
		if (!keyAccepted(exchange.getRequestHeaders().getFirst("x-api-key"))) {
			AnthropicErrors.send(exchange, 401, "authentication_error", "invalid x-api-key", -1);
			return;
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			AnthropicErrors.send(exchange, 405, "invalid_request_error", "Use POST", -1);
			return;
		}
		if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
			AnthropicErrors.badRequest(exchange, "anthropic-version: header is required");
			return;
		}
		JsonNode request;
		String body = new String(raw, StandardCharsets.UTF_8);
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			AnthropicErrors.badRequest(exchange, "There was an error parsing the body of your request as JSON.");
			return;
		}
		String problem = MessagesRequestCheck.problem(request);
		if (problem != null) {
			AnthropicErrors.badRequest(exchange, problem);
			return;
		}
		RecordedRequest recorded = RecordedRequest.of(request, body, RecordedRequest.ANTHROPIC,
				exchange.getRequestHeaders());
		Behaviour behaviour;
		try {
			behaviour = this.defaults.withModel(recorded.model());
		}
		catch (IllegalArgumentException ex) {
			AnthropicErrors.badRequest(exchange, ex.getMessage());
			return;
		}
		List<ToolCall> toolCalls;
		try {
			toolCalls = ToolCall.of(behaviour.toolCalls(), request, RecordedRequest.ANTHROPIC);
		}
		catch (IllegalArgumentException ex) {
			AnthropicErrors.badRequest(exchange, ex.getMessage());
			return;
		}
		this.stats.record(recorded);
		AnthropicReply reply = new AnthropicReply(exchange, recorded, behaviour, stopSequences(request),
				() -> this.shutdown, toolCalls);
		if (behaviour.fault().kind() == Fault.Kind.HANG_HEADERS) {
			new Reply(exchange, recorded, behaviour, false, () -> this.shutdown).hangWithoutHeaders();
			return;
		}
		this.stats.answer(reply::send);
	}

	private boolean keyAccepted(String header) {
		String apiKey = this.config.apiKey();
		if (apiKey == null || apiKey.isEmpty()) {
			return true;
		}
		return Auth.matches(apiKey, header);
	}

	private static List<String> stopSequences(JsonNode request) {
		List<String> stops = new ArrayList<>();
		for (JsonNode stop : request.path("stop_sequences")) {
			stops.add(stop.asString());
		}
		return stops;
	}

	void shutdown() {
		this.shutdown = true;
	}

}
