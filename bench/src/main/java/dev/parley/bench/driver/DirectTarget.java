package dev.parley.bench.driver;

import java.net.URI;
import java.net.http.HttpRequest;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams straight from the simulated provider's OpenAI-compatible chat-completions
 * endpoint.
 */
final class DirectTarget implements StreamTarget {

	private final JsonMapper json;

	private final URI completions;

	private final String apiKey;

	private final String prompt;

	private final String name;

	private volatile Cached cached;

	/**
	 * Creates a target that streams straight from the simulator.
	 * @param simBase the simulator's base URL, for example
	 * {@code http://127.0.0.1:9090/v1}
	 */
	DirectTarget(JsonMapper json, URI simBase, String apiKey, String prompt) {
		this(json, simBase, apiKey, prompt, "direct");
	}

	/**
	 * Creates a target that streams from an OpenAI-compatible base URL under a name, for
	 * example an nginx relaying the simulator ({@code "relay"}).
	 */
	DirectTarget(JsonMapper json, URI simBase, String apiKey, String prompt, String name) {
		this.name = name;
		this.json = json;
		this.completions = URI.create(trimSlash(simBase.toString()) + "/chat/completions");
		this.apiKey = apiKey;
		this.prompt = prompt;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Lease open(StreamShape shape) {
		Cached c = this.cached;
		if (c == null || !c.shape().equals(shape)) {
			c = new Cached(shape, build(shape));
			this.cached = c;
		}
		return new Lease(c.request(), null);
	}

	/**
	 * Every stream of a shape sends the same request, so it is built once (requests are
	 * immutable).
	 */
	private HttpRequest build(StreamShape shape) {
		ObjectNode body = this.json.createObjectNode();
		body.put("model", shape.model());
		body.put("stream", true);
		body.putArray("messages").addObject().put("role", "user").put("content", this.prompt);
		return HttpRequest.newBuilder(this.completions)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
	}

	@Override
	public SseFrames.Kind classify(byte[] b, int off, int len) {
		return SseFrames.openAi(b, off, len);
	}

	@Override
	public String endProblem(String endLine) {
		return null;
	}

	@Override
	public void close(Lease lease) {
	}

	static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private record Cached(StreamShape shape, HttpRequest request) {
	}

}
