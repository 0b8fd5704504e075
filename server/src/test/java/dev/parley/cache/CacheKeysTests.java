package dev.parley.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;

import static org.assertj.core.api.Assertions.assertThat;

/** The same request always gives the same key; any difference gives another. */
class CacheKeysTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Route route = new Route(
			List.of(new RouteTarget("openai", "gpt-4o-mini", 3), new RouteTarget("deepseek", "deepseek-chat", 1)));

	@Test
	void theSameRequestBuiltTwiceHasTheSameKey() {
		String first = CacheKeys.of("agent-1@2025-01-01T00:00:00Z", this.route, request());
		String second = CacheKeys.of("agent-1@2025-01-01T00:00:00Z", new Route(List.copyOf(this.route.targets())),
				request());
		assertThat(first).isEqualTo(second).matches("[0-9a-f]{64}");
	}

	@Test
	void theOrderOfJsonFieldsDoesNotMatter() {
		ChatRequest ordered = request();
		ChatRequest reordered = new ChatRequest("gpt-4o-mini",
				List.of(new ChatMessage("system", "Be brief."),
						new ChatMessage("user", "Hi", json("{\"content\":\"Hi\",\"name\":\"ann\",\"role\":\"user\"}"))),
				0.7, 0.9, 256, List.of("END"),
				object("{\"tools\":[{\"function\":{\"name\":\"f\",\"description\":\"d\"},\"type\":\"function\"}],"
						+ "\"response_format\":{\"type\":\"json_object\"}}"));
		assertThat(CacheKeys.of("s", this.route, reordered)).isEqualTo(CacheKeys.of("s", this.route, ordered));
	}

	@Test
	void noPassThroughFieldsAndAnEmptyObjectAreTheSameRequest() {
		assertThat(CacheKeys.of("s", this.route, request().withExtra(null)))
			.isEqualTo(CacheKeys.of("s", this.route, request().withExtra(object("{}"))));
	}

	@Test
	void everyPartOfTheRequestChangesTheKey() {
		String base = CacheKeys.of("s", this.route, request());
		List<String> variants = new ArrayList<>();
		variants.add(CacheKeys.of("t", this.route, request()));
		variants.add(CacheKeys.of(null, this.route, request()));
		variants.add(CacheKeys.of("s", Route.of("openai", "gpt-4o-mini"), request()));
		variants.add(CacheKeys.of("s", withTarget(0, new RouteTarget("azure", "gpt-4o-mini", 3)), request()));
		variants.add(CacheKeys.of("s", withTarget(0, new RouteTarget("openai", "gpt-4o", 3)), request()));
		variants.add(CacheKeys.of("s", withTarget(0, new RouteTarget("openai", "gpt-4o-mini", 2)), request()));
		variants.add(CacheKeys.of("s", new Route(this.route.targets().reversed()), request()));
		variants.add(key((r) -> r.withModel("gpt-4o")));
		variants.add(key(
				(r) -> new ChatRequest(r.model(), List.of(new ChatMessage("user", "Be brief."), r.messages().get(1)),
						r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key(
				(r) -> new ChatRequest(r.model(), List.of(new ChatMessage("system", "Be brief!"), r.messages().get(1)),
						r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(),
				List.of(r.messages().get(0),
						new ChatMessage("user", "Hi", json("{\"role\":\"user\",\"content\":\"Hi\",\"name\":\"bob\"}"))),
				r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(), List.of(r.messages().get(0), new ChatMessage("user", "Hi")),
				r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(), r.messages().subList(1, 2), r.temperature(), r.topP(),
				r.maxTokens(), r.stop(), r.extra())));
		variants.add(key(
				(r) -> new ChatRequest(r.model(), r.messages(), 0.8, r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key(
				(r) -> new ChatRequest(r.model(), r.messages(), null, r.topP(), r.maxTokens(), r.stop(), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(), r.messages(), r.temperature(), 1.0, r.maxTokens(), r.stop(),
				r.extra())));
		variants.add(key(
				(r) -> new ChatRequest(r.model(), r.messages(), r.temperature(), r.topP(), 257, r.stop(), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(), r.messages(), r.temperature(), r.topP(), r.maxTokens(),
				List.of("END", "STOP"), r.extra())));
		variants.add(key((r) -> new ChatRequest(r.model(), r.messages(), r.temperature(), r.topP(), r.maxTokens(), null,
				r.extra())));
		variants.add(key((r) -> r.withExtra(object("{\"response_format\":{\"type\":\"text\"}}"))));
		variants.add(key((r) -> r.withExtra(null)));
		// The same characters split differently between messages.
		variants.add(key((r) -> new ChatRequest(r.model(),
				List.of(new ChatMessage("system", "Be brief.Hi"),
						new ChatMessage("user", "", r.messages().get(1).raw())),
				r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.extra())));

		assertThat(variants).doesNotContain(base).doesNotHaveDuplicates();
	}

	private String key(UnaryOperator<ChatRequest> change) {
		return CacheKeys.of("s", this.route, change.apply(request()));
	}

	private Route withTarget(int index, RouteTarget target) {
		List<RouteTarget> targets = new ArrayList<>(this.route.targets());
		targets.set(index, target);
		return new Route(targets);
	}

	private ChatRequest request() {
		return new ChatRequest("gpt-4o-mini",
				List.of(new ChatMessage("system", "Be brief."),
						new ChatMessage("user", "Hi", json("{\"role\":\"user\",\"content\":\"Hi\",\"name\":\"ann\"}"))),
				0.7, 0.9, 256, List.of("END"), object("{\"response_format\":{\"type\":\"json_object\"},"
						+ "\"tools\":[{\"type\":\"function\",\"function\":{\"description\":\"d\",\"name\":\"f\"}}]}"));
	}

	private JsonNode json(String text) {
		return this.mapper.readTree(text);
	}

	private ObjectNode object(String text) {
		return (ObjectNode) json(text);
	}

}
