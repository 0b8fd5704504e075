package dev.parley.cache;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.Digests;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;

/**
 * Keys of the response cache: the SHA-256 (hex) of a canonical JSON of everything that
 * shapes a reply, so the same request gives the same key and any difference another.
 */
public final class CacheKeys {

	/** Bumped when the canonical form changes, so old entries are never read back. */
	private static final int VERSION = 1;

	private CacheKeys() {
	}

	/**
	 * The key of {@code request} sent through {@code route}. {@code scope} is what else
	 * must match for a reply to be reused (for example an agent's id and its
	 * {@code updated_at}); it may be null.
	 */
	public static String of(String scope, Route route, ChatRequest request) {
		return Digests.sha256Hex(canonical(scope, route, request));
	}

	/** The canonical JSON the key is the digest of. */
	static String canonical(String scope, Route route, ChatRequest request) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		ObjectNode root = json.objectNode();
		root.put("v", VERSION);
		root.put("scope", scope);
		ArrayNode targets = root.putArray("route");
		for (RouteTarget target : route.targets()) {
			targets.addObject()
				.put("provider", target.providerId())
				.put("model", target.model())
				.put("weight", target.weight());
		}
		root.put("model", request.model());
		ArrayNode messages = root.putArray("messages");
		for (ChatMessage message : request.messages()) {
			messages.addObject()
				.put("role", message.role())
				.put("content", message.content())
				.set("raw", CanonicalJson.sorted(message.raw()));
		}
		root.put("temperature", request.temperature());
		root.put("top_p", request.topP());
		root.put("max_tokens", request.maxTokens());
		root.set("stop", stop(request.stop()));
		// No pass-through fields and an empty object send the same upstream request.
		boolean noExtra = request.extra() == null || request.extra().isEmpty();
		root.set("extra", noExtra ? json.nullNode() : CanonicalJson.sorted(request.extra()));
		return root.toString();
	}

	private static ArrayNode stop(List<String> stop) {
		if (stop == null) {
			return null;
		}
		ArrayNode array = JsonNodeFactory.instance.arrayNode(stop.size());
		stop.forEach(array::add);
		return array;
	}

}
