package dev.parley.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a reply through Parley's chat endpoint, one conversation per concurrent stream.
 */
final class ParleyTarget implements StreamTarget {

	private final JsonMapper json;

	private final URI conversations;

	private final ConversationPool pool;

	private final String prompt;

	private volatile Cached cached;

	private final String authorization;

	ParleyTarget(JsonMapper json, URI parleyBase, String parleyKey, ConversationPool pool, String prompt) {
		this.json = json;
		this.authorization = "Bearer " + parleyKey;
		this.conversations = URI.create(DirectTarget.trimSlash(parleyBase.toString()) + "/api/v1/conversations/");
		this.pool = pool;
		this.prompt = prompt;
	}

	@Override
	public String name() {
		return "Parley";
	}

	@Override
	public Lease open(StreamShape shape) throws IOException, InterruptedException {
		String id = this.pool.acquire();
		HttpRequest request = HttpRequest.newBuilder(this.conversations.resolve(id + "/messages"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", this.authorization)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body(shape)))
			.build();
		return new Lease(request, id);
	}

	/**
	 * The request body is the same for every stream of a shape, so it is serialized once.
	 */
	private byte[] body(StreamShape shape) {
		Cached c = this.cached;
		if (c == null || !c.shape().equals(shape)) {
			ObjectNode node = this.json.createObjectNode();
			node.put("content", this.prompt);
			node.put("model", shape.model());
			c = new Cached(shape, this.json.writeValueAsBytes(node));
			this.cached = c;
		}
		return c.body();
	}

	@Override
	public SseFrames.Kind classify(byte[] b, int off, int len) {
		return SseFrames.parley(b, off, len);
	}

	@Override
	public String endProblem(String endLine) {
		return endStatusProblem(this.json, endLine);
	}

	@Override
	public void close(Lease lease) {
		if (lease.conversationId() != null) {
			this.pool.release(lease.conversationId());
		}
	}

	/**
	 * Null if the end frame's status is absent or {@code complete}, otherwise a
	 * description.
	 */
	static String endStatusProblem(JsonMapper json, String endLine) {
		int brace = endLine.indexOf('{');
		if (brace < 0) {
			return "end frame without JSON";
		}
		try {
			JsonNode status = json.readTree(endLine.substring(brace)).path("data").path("status");
			if (status.isMissingNode() || "complete".equals(status.asString())) {
				return null;
			}
			return "end status " + status.asString();
		}
		catch (JacksonException ex) {
			return "malformed end frame";
		}
	}

	private record Cached(StreamShape shape, byte[] body) {
	}

}
