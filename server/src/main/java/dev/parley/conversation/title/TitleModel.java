package dev.parley.conversation.title;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.conversation.ConversationProperties;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ChatRouter;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.Route;

/**
 * Asks a model for a conversation's title: the configured titles model, else the route of
 * the conversation's agent (the default agent's when it has none), through the router
 * (retries, failover), non-streaming, with the instruction in the exchange's language
 * (Chinese when the user wrote Chinese, English otherwise). With only the demo model
 * there is no one to ask.
 */
@Component
public class TitleModel {

	/** How much of each message the model is shown, in UTF-16 code units. */
	static final int EXCERPT = 1500;

	private static final ModelParams PARAMS = new ModelParams(0.2, null, 40, null);

	private static final String ENGLISH = "Write a short title (at most 6 words) for the conversation below, in the"
			+ " language the user wrote in. Answer with the title only: no quotes, no label, no final period.";

	private static final String CHINESE = "为下面的对话写一个简短的标题（不超过15个字），使用用户所用的语言。只回答标题本身：不要引号、不要前缀、不要句号。";

	private final ChatRouter router;

	private final ProviderCatalog providers;

	private final AgentCatalog agents;

	private final ConversationProperties properties;

	TitleModel(ChatRouter router, ProviderCatalog providers, AgentCatalog agents, ConversationProperties properties) {
		this.router = router;
		this.providers = providers;
		this.agents = agents;
		this.properties = properties;
	}

	/**
	 * The model's title for this exchange, cleaned; empty when its answer holds none.
	 * Blocks for the call.
	 * @throws RuntimeException when no model answers (the router's failure)
	 */
	public Optional<String> title(@Nullable UUID agentId, String question, String answer) {
		if (!this.providers.realProviderConfigured()) {
			// The demo model answers every question with its own notice: no title.
			return Optional.empty();
		}
		Route route = route(agentId);
		String instruction = chinese(question) ? CHINESE : ENGLISH;
		String exchange = "User: " + excerpt(question) + "\n\nAssistant: " + excerpt(answer);
		ChatRequest request = ChatRequest.of(route.primary().model(),
				List.of(new ChatMessage("system", instruction), new ChatMessage("user", exchange)), PARAMS);
		return TitleText.clean(this.router.complete(route, request).completion().content());
	}

	private Route route(@Nullable UUID agentId) {
		String model = this.properties.titles().model();
		if (!model.isBlank()) {
			return this.providers.routeForModel(model);
		}
		AgentProfile agent = (agentId != null) ? this.agents.find(agentId).orElseGet(this.agents::defaultAgent)
				: this.agents.defaultAgent();
		return this.agents.routeOf(agent);
	}

	/**
	 * Whether the text is mostly Chinese: it has Han characters and more of them than
	 * Latin letters.
	 */
	static boolean chinese(String text) {
		long han = text.codePoints()
			.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
			.count();
		long latin = text.codePoints()
			.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
			.count();
		return han > 0 && han >= latin / 4;
	}

	private static String excerpt(String text) {
		if (text.length() <= EXCERPT) {
			return text;
		}
		int end = EXCERPT;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

}
