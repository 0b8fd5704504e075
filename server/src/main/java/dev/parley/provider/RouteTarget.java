package dev.parley.provider;

/**
 * One step of a route: a provider (by id), the model to ask it for, and a weight. Targets
 * with a weight above 0 share the first attempt in proportion to their weights; failover
 * then goes through the rest of the chain in order.
 */
public record RouteTarget(String providerId, String model, int weight) {

	/** The key of this target's circuit breaker and metrics: {@code provider/model}. */
	public String key() {
		return this.providerId + "/" + this.model;
	}

}
