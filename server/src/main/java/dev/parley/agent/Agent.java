package dev.parley.agent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.CurrentUser;
import dev.parley.provider.ModelParams;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;

/**
 * An agent as stored: its profile plus who owns it and who may see it.
 *
 * @param ownerId the creator's user id, or null for a system-owned agent
 */
record Agent(UUID id, String ownerId, String name, String description, String avatarUrl, List<RouteTarget> route,
		ModelParams params, String systemPrompt, List<AgentMessage> presetMessages, List<String> greetings,
		List<String> suggestedQuestions, Visibility visibility, Set<Audience> visibleRoles, boolean cacheEnabled,
		boolean isDefault, Instant createdAt, Instant updatedAt) {

	Agent {
		route = List.copyOf(route);
		presetMessages = List.copyOf(presetMessages);
		greetings = List.copyOf(greetings);
		suggestedQuestions = List.copyOf(suggestedQuestions);
		visibleRoles = Set.copyOf(visibleRoles);
	}

	/** Whether {@code user} may see this agent. */
	boolean visibleTo(CurrentUser user) {
		if (user.admin() || this.visibility == Visibility.PUBLIC) {
			return true;
		}
		if (this.visibility == Visibility.ROLES) {
			return this.visibleRoles.stream().anyMatch((role) -> role.name().equals(user.role()));
		}
		return ownedBy(user);
	}

	boolean ownedBy(CurrentUser user) {
		return this.ownerId != null && this.ownerId.equals(user.id());
	}

	AgentProfile profile() {
		return new AgentProfile(this.id, this.name, this.description, this.avatarUrl, new Route(this.route),
				this.params, this.systemPrompt, this.presetMessages, this.greetings, this.suggestedQuestions,
				this.cacheEnabled, this.updatedAt);
	}

}
