package dev.parley.bench.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}: checks the request, then lets a {@link Reply} answer
 * it.
 */
final class ChatCompletionsHandler implements HttpHandler {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimulatorConfig config;

	private final Behaviour defaults;

	private final SimulatorStats stats;

	private volatile boolean shutdown;

	ChatCompletionsHandler(SimulatorConfig config, SimulatorStats stats) {
		this.config = config;
		this.defaults = config.defaultBehaviour();
		this.stats = stats;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		if (!Auth.check(exchange, this.config.apiKey())) {
			return;
		}
		byte[] raw = exchange.getRequestBody().readAllBytes();
		if (!"POST".equals(exchange.getRequestMethod())) {
			OpenAiErrors.send(exchange, 405, "invalid_request_error", null, "Use POST", -1);
			return;
		}
		String body = new String(raw, StandardCharsets.UTF_8);
		JsonNode request;
		try {
			request = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			OpenAiErrors.badRequest(exchange, "We could not parse the JSON body of your request. (HINT: This likely"
					+ " means you aren't using your HTTP library correctly.)");
			return;
		}
		if (request == null || !request.isObject() || !request.path("model").isString()
				|| !request.path("messages").isArray()) {
			OpenAiErrors.badRequest(exchange,
					"A JSON object with 'model' (string) and 'messages' (array) is required.");
			return;
		}
		RecordedRequest recorded = RecordedRequest.of(request, body, RecordedRequest.OPENAI,
				exchange.getRequestHeaders());
		Behaviour behaviour;
		try {
			behaviour = this.defaults.withModel(recorded.model());
		}
		catch (IllegalArgumentException ex) {
			OpenAiErrors.badRequest(exchange, ex.getMessage());
			return;
		}
		List<ToolCall> toolCalls;
		try {
			toolCalls = ToolCall.of(behaviour.toolCalls(), request, RecordedRequest.OPENAI);
		}
		catch (IllegalArgumentException ex) {
			OpenAiErrors.badRequest(exchange, ex.getMessage());
			return;
		}
		this.stats.record(recorded);
		boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
		Reply reply = new Reply(exchange, recorded, behaviour, includeUsage, () -> this.shutdown, toolCalls);
		if (behaviour.fault().kind() == Fault.Kind.HANG_HEADERS) {
			reply.hangWithoutHeaders();
			return;
		}
		this.stats.answer(reply::send);
	}

	void shutdown() {
		this.shutdown = true;
	}

}
