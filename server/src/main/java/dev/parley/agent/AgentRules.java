package dev.parley.agent;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.RouteTarget;

/**
 * Who may set what on an agent, and the checks a request's values must pass beyond their
 * annotations.
 */
final class AgentRules {

	private AgentRules() {
	}

	/**
	 * Only administrators may make an agent public or visible to roles, give it a route,
	 * or turn its cache on: a 403 names the first such field a non-administrator sent.
	 */
	static void checkAdminOnlyFields(AgentRequests.Body body, CurrentUser user) {
		if (user.admin()) {
			return;
		}
		if (body.visibility() != null && body.visibility() != Visibility.PRIVATE) {
			throw forbidden("visibility '" + body.visibility().name().toLowerCase(Locale.ROOT) + "'");
		}
		if (body.visibleRoles() != null && !body.visibleRoles().isEmpty()) {
			throw forbidden("visible_roles");
		}
		if (body.route() != null && !body.route().isEmpty()) {
			throw forbidden("a route");
		}
		if (Boolean.TRUE.equals(body.cacheEnabled())) {
			throw forbidden("cache_enabled");
		}
	}

	/** The request's route as targets, each naming a provider the catalog knows. */
	static List<RouteTarget> route(List<AgentRequests.Target> route, ProviderCatalog providers) {
		for (int i = 0; i < route.size(); i++) {
			String providerId = route.get(i).providerId().strip();
			if (providers.find(providerId).isEmpty()) {
				throw ProblemException.invalid("route[" + i + "].provider_id", "no provider '" + providerId + "'");
			}
		}
		return route.stream()
			.map((target) -> new RouteTarget(target.providerId().strip(), target.model().strip(),
					(target.weight() != null) ? target.weight() : 0))
			.toList();
	}

	/** A stripped name that is not blank and cannot be mistaken for an id. */
	static String name(String name) {
		String stripped = name.strip();
		if (AgentNames.asUuid(stripped) != null) {
			throw ProblemException.invalid("name", "must not be a UUID");
		}
		return stripped;
	}

	/**
	 * Checks that the visible roles fit the visibility; they only count for
	 * {@code roles}.
	 */
	static Set<Audience> visibleRoles(Visibility visibility, Set<Audience> roles) {
		if (visibility == Visibility.ROLES && roles.isEmpty()) {
			throw ProblemException.invalid("visible_roles", "must name at least one role when visibility is roles");
		}
		if (visibility != Visibility.ROLES && !roles.isEmpty()) {
			throw ProblemException.invalid("visible_roles", "may only be set when visibility is roles");
		}
		return roles;
	}

	/** Empty text means none. */
	static String text(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static ProblemException forbidden(String what) {
		return ProblemException.of(CommonProblem.FORBIDDEN, "Only an administrator may set " + what + " on an agent");
	}

}
