package dev.parley.provider;

import java.util.List;

/** An ordered chain of targets a call may be served by (failover order). */
public record Route(List<RouteTarget> targets) {

	public Route {
		targets = List.copyOf(targets);
	}

	/** A route of one target. */
	public static Route of(String providerId, String model) {
		return new Route(List.of(new RouteTarget(providerId, model, 0)));
	}

	/** The target a caller shows before the call (the first of the chain). */
	public RouteTarget primary() {
		return this.targets.getFirst();
	}

}
