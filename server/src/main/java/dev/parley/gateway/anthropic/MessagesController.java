package dev.parley.gateway.anthropic;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.gateway.CompletionRequest;
import dev.parley.gateway.GatewayCall;
import dev.parley.gateway.GatewayPaths;
import dev.parley.gateway.GatewayService;
import dev.parley.gateway.GatewayStreams;
import dev.parley.platform.json.StorageJson;
import dev.parley.provider.TokenCounter;

/**
 * {@code POST /v1/messages}: Anthropic's Messages API, streamed or not, for Anthropic's
 * SDKs and the tools built on them; the {@code model} is an agent or a model of the
 * gateway, routed and charged as on {@code /v1/chat/completions}.
 */
@RestController
class MessagesController {

	/** The start of an answer's id, as Anthropic's. */
	static final String ID_PREFIX = "msg_";

	private final GatewayService service;

	private final GatewayStreams streams;

	private final TokenCounter tokens;

	private final JsonMapper json;

	MessagesController(GatewayService service, GatewayStreams streams, TokenCounter tokens,
			@StorageJson JsonMapper json) {
		this.service = service;
		this.streams = streams;
		this.tokens = tokens;
		this.json = json;
	}

	@PostMapping(path = GatewayPaths.MESSAGES, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ObjectNode> create(@RequestBody JsonNode body, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		CompletionRequest requested = MessagesRequestParser.parse(body);
		GatewayCall call = this.service.prepare(requested, ID_PREFIX);
		if (requested.stream()) {
			int inputTokens = this.tokens.count(call.request().messages());
			this.streams.start(call,
					(cached) -> new MessageEvents(this.json, call.id(), requested.model(), inputTokens, cached),
					request, response);
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(MessageJson.of(call.id(), requested.model(), this.service.answer(call)));
	}

}
