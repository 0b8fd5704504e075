package dev.parley.gateway;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ModelParams;
import dev.parley.provider.Route;

/**
 * A model the gateway offers: what a client names in {@code model}, the route that serves
 * it, default sampling parameters (the request overrides them) and a prelude (system
 * prompt and preset messages) sent before the client's messages.
 *
 * @param id the stable id listed by {@code GET /v1/models}
 * @param name the name clients may also ask for
 * @param route the provider chain that serves it
 * @param params defaults the request's parameters override
 * @param prelude messages sent before the client's (may be empty)
 * @param cacheScope what identical requests share in the response cache (the agent and
 * its version), or null when the model does not cache
 * @param agentId the agent this model is, or null for a plain model
 */
public record GatewayModel(String id, String name, Route route, ModelParams params, List<ChatMessage> prelude,
		String cacheScope, @Nullable UUID agentId) {

	public GatewayModel {
		params = (params != null) ? params : ModelParams.NONE;
		prelude = (prelude != null) ? List.copyOf(prelude) : List.of();
	}

	/** A model that is no agent. */
	public GatewayModel(String id, String name, Route route, ModelParams params, List<ChatMessage> prelude,
			String cacheScope) {
		this(id, name, route, params, prelude, cacheScope, null);
	}

}
