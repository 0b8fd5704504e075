package dev.parley.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The models the OpenAI-compatible gateway offers to the current caller: the seam between
 * the gateway and whatever defines models (the provider catalog, agents).
 */
public interface GatewayModels {

	/** The model a client asked for by id or name, if the caller may use it. */
	Optional<GatewayModel> find(String idOrName);

	/** Every model the caller may use, in the order {@code GET /v1/models} lists them. */
	List<GatewayModel> list();

}
