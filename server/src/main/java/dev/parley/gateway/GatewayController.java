package dev.parley.gateway;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions}: OpenAI's chat completions, streamed or not, for any
 * OpenAI SDK; fields Parley does not interpret reach the upstream unchanged.
 */
@RestController
class GatewayController {

	private final GatewayService service;

	private final GatewayStreams streams;

	GatewayController(GatewayService service, GatewayStreams streams) {
		this.service = service;
		this.streams = streams;
	}

	@PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ObjectNode> completions(@RequestBody JsonNode body, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		GatewayCall call = this.service.prepare(CompletionRequestParser.parse(body));
		if (call.requested().stream()) {
			this.streams.start(call, request, response);
			return null;
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.service.complete(call));
	}

}
