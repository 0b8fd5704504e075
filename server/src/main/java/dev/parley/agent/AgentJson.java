package dev.parley.agent;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ModelParams;
import dev.parley.provider.RouteTarget;

/**
 * The stored form of an agent's JSON columns ({@code route}, {@code params}, the message
 * and text lists): snake_case names and no null members, fixed on the stored types here
 * and written through the storage mapper rather than the web layer's, so that stored rows
 * never change shape.
 */
final class AgentJson {

	private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
	};

	private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	/**
	 * Stored JSON written with the storage mapper.
	 * @param mapper the storage mapper
	 */
	AgentJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String writeRoute(List<RouteTarget> route) {
		return this.mapper.writeValueAsString(route.stream()
			.map((target) -> new Target(target.providerId(), target.model(), target.weight()))
			.toList());
	}

	List<RouteTarget> readRoute(String json) {
		return read(json, TARGETS).stream()
			.map((target) -> new RouteTarget(target.providerId(), target.model(), target.weight()))
			.toList();
	}

	String writeParams(ModelParams params) {
		ModelParams value = (params != null) ? params : ModelParams.NONE;
		return this.mapper
			.writeValueAsString(new Params(value.temperature(), value.topP(), value.maxTokens(), value.stop()));
	}

	ModelParams readParams(String json) {
		if (json == null || json.isBlank()) {
			return ModelParams.NONE;
		}
		Params params = this.mapper.readValue(json, Params.class);
		return new ModelParams(params.temperature(), params.topP(), params.maxTokens(),
				(params.stop() != null) ? List.copyOf(params.stop()) : null);
	}

	String writeMessages(List<AgentMessage> messages) {
		return this.mapper.writeValueAsString(messages.stream()
			.map((message) -> new Message(message.role().toLowerCase(Locale.ROOT), message.content()))
			.toList());
	}

	List<AgentMessage> readMessages(String json) {
		return read(json, MESSAGES).stream()
			.map((message) -> new AgentMessage(message.role(), message.content()))
			.toList();
	}

	String writeStrings(List<String> values) {
		return this.mapper.writeValueAsString(values);
	}

	List<String> readStrings(String json) {
		return List.copyOf(read(json, STRINGS));
	}

	private <T> List<T> read(String json, TypeReference<List<T>> type) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return this.mapper.readValue(json, type);
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record Target(String providerId, String model, int weight) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record Params(Double temperature, Double topP, Integer maxTokens, List<String> stop) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record Message(String role, String content) {
	}

}
