package dev.parley.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.cache.CacheKeys;
import dev.parley.cache.CachedReply;
import dev.parley.cache.ResponseCache;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.TokenBudget;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ChatRouter;
import dev.parley.provider.Completion;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.RoutedCompletion;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.UpstreamLimiter;
import dev.parley.provider.Usage;

/**
 * The gateway's calls: resolves the model, checks the token quota, builds the upstream
 * request (the model's prelude first, its parameters as defaults), calls the router while
 * holding an upstream slot, and charges what the call used. A gateway call is not stored
 * as a conversation.
 */
@Service
public class GatewayService {

	private static final Logger log = LoggerFactory.getLogger(GatewayService.class);

	private final GatewayModels models;

	private final ChatRouter router;

	private final UpstreamLimiter limiter;

	private final TokenBudget budget;

	private final GatewayCharges charges;

	private final TokenCounter tokens;

	private final IdGenerator ids;

	private final CurrentUser currentUser;

	private final ResponseCache cache;

	private final ProviderMasking masking;

	private final Clock clock;

	GatewayService(GatewayModels models, ChatRouter router, UpstreamLimiter limiter, TokenBudget budget,
			GatewayCharges charges, TokenCounter tokens, IdGenerator ids, CurrentUser currentUser, ResponseCache cache,
			ProviderMasking masking, Clock clock) {
		this.cache = cache;
		this.masking = masking;
		this.models = models;
		this.router = router;
		this.limiter = limiter;
		this.budget = budget;
		this.charges = charges;
		this.tokens = tokens;
		this.ids = ids;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Checks a request of the current caller and makes it a call (nothing sent yet). */
	GatewayCall prepare(CompletionRequest requested) {
		return prepare(requested, "chatcmpl-");
	}

	/**
	 * Checks a request of the current caller, whatever protocol it came in, and makes it
	 * a call (nothing sent yet).
	 * @param idPrefix the start of the answer's id in the client's protocol
	 * ({@code chatcmpl-}, {@code msg_})
	 * @throws ProblemException when the model does not exist or the quota is used up
	 */
	public GatewayCall prepare(CompletionRequest requested, String idPrefix) {
		GatewayModel model = this.models.find(requested.model())
			.orElseThrow(() -> ProblemException.of(GatewayProblem.MODEL_NOT_FOUND,
					"The model '" + requested.model() + "' does not exist or you do not have access to it"));
		String userId = this.currentUser.id();
		this.budget.requireAvailable(userId);
		List<ChatMessage> context = new ArrayList<>(model.prelude().size() + requested.messages().size());
		context.addAll(model.prelude());
		context.addAll(this.masking.apply(requested.messages()));
		ModelParams params = model.params().overriddenBy(requested.params());
		ChatRequest request = new ChatRequest(model.route().primary().model(), List.copyOf(context),
				params.temperature(), params.topP(), params.maxTokens(), params.stop(), requested.extra());
		String id = idPrefix + this.ids.next().toString().replace("-", "");
		return new GatewayCall(userId, this.currentUser.apiKeyId(), id, this.clock.instant(), requested, model.route(),
				request, model.cacheScope(), model.agentId(), System.nanoTime());
	}

	/**
	 * The reply the response cache holds for this call, when its agent caches replies; a
	 * hit is free (recorded as a call with no tokens).
	 */
	Optional<CachedReply> cachedReply(GatewayCall call) {
		String key = cacheKey(call);
		Optional<CachedReply> hit = (key != null) ? this.cache.get(key) : Optional.empty();
		if (hit.isPresent()) {
			CachedReply reply = hit.get();
			RouteTarget served = new RouteTarget(
					(reply.provider() != null) ? reply.provider() : call.route().primary().providerId(),
					(reply.model() != null) ? reply.model() : call.route().primary().model(), 0);
			try {
				this.charges.recordCached(call.apiKeyId(), GatewayOutcome.cached(served).record(call, new Usage(0, 0)));
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the usage of cached gateway call {}: {}", call.id(), ex.getMessage());
			}
		}
		return hit;
	}

	/**
	 * Keeps a whole reply for the next identical call, when the call's agent caches
	 * replies (streamed and non-streamed calls share the entry).
	 */
	void remember(GatewayCall call, String content, String finishReason, Usage used, RouteTarget servedBy) {
		String key = cacheKey(call);
		if (key != null) {
			this.cache.put(key, CachedReply.of(content, finishReason, used, servedBy));
		}
	}

	private static String cacheKey(GatewayCall call) {
		return (call.cacheScope() != null) ? CacheKeys.of(call.cacheScope(), call.route(), call.request()) : null;
	}

	/** A non-streaming answer in OpenAI's {@code chat.completion} shape. */
	ObjectNode complete(GatewayCall call) {
		GatewayAnswer answer = answer(call);
		return CompletionJson.of(call.id(), call.createdSeconds(), call.requested().model(), answer.completion(),
				answer.usage(), answer.cached());
	}

	/**
	 * The whole answer to a call, from the response cache or the route, charged to the
	 * caller; the protocol's endpoint puts it in its shape.
	 * @throws ProblemException when no slot is free or the call failed
	 */
	public GatewayAnswer answer(GatewayCall call) {
		Optional<CachedReply> hit = cachedReply(call);
		if (hit.isPresent()) {
			CachedReply reply = hit.get();
			return new GatewayAnswer(new Completion(reply.content(), reply.finishReason(), null),
					new Usage(reply.promptTokens(), reply.completionTokens()), true);
		}
		RoutedCompletion answer;
		try (UpstreamLimiter.Permit permit = this.limiter.acquire()) {
			answer = this.router.complete(call.route(), call.request());
		}
		catch (ProviderException ex) {
			failed(call, GatewayOutcome.failedBefore(call.route(), ex, null));
			throw UpstreamProblems.before(ex);
		}
		Usage used = this.tokens.usage(answer.completion().usage(), call.request().messages(),
				(answer.completion().content() != null) ? answer.completion().content() : "");
		charge(call, used, GatewayOutcome.served(answer.servedBy(), answer.failovers(), "complete", null));
		if (!hasToolCalls(answer)) {
			remember(call, answer.completion().content(), answer.completion().finishReason(), used, answer.servedBy());
		}
		return new GatewayAnswer(answer.completion(), used, false);
	}

	/** A reply that calls tools is not cached: its text alone would not replay it. */
	private static boolean hasToolCalls(RoutedCompletion answer) {
		var message = answer.completion().message();
		return message != null && message.has("tool_calls") && !message.get("tool_calls").isNull();
	}

	/**
	 * Charges the caller's quota and the API key's usage with what a call used, and
	 * writes its usage record, in one transaction.
	 */
	void charge(GatewayCall call, Usage used, GatewayOutcome outcome) {
		try {
			this.charges.charge(call.userId(), call.apiKeyId(), used, outcome.record(call, used));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the usage of gateway call {}: {}", call.id(), ex.getMessage());
		}
	}

	/**
	 * Records a call that failed before its first token (nothing is charged): one
	 * {@code INSERT} of its own.
	 */
	void failed(GatewayCall call, GatewayOutcome outcome) {
		try {
			this.charges.recordOnly(outcome.record(call, new Usage(0, 0)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the failure of gateway call {}: {}", call.id(), ex.getMessage());
		}
	}

}
