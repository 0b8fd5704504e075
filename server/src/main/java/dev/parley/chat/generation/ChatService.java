package dev.parley.chat.generation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.cache.CacheKeys;
import dev.parley.cache.ResponseCache;
import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatProblem;
import dev.parley.chat.ChatProperties;
import dev.parley.chat.ConversationLocks;
import dev.parley.chat.GenerationEventLog;
import dev.parley.chat.GenerationStops;
import dev.parley.chat.ReplyGate;
import dev.parley.chat.SendMessageRequest;
import dev.parley.chat.UserMessageSent;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationDeleted;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.TokenBudget;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.privacy.MessageMasking;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.UpstreamLimiter;

/**
 * Starts replies: checks the request, takes the conversation's lock and an upstream slot,
 * prepares the call (route, context, cache lookup), then stores the user message and the
 * reply's row in one transaction and launches the generation. Everything that can refuse
 * a request comes before that write, so a refused request leaves nothing behind.
 */
@Service
class ChatService {

	private final ChatHistory history;

	private final ProviderCatalog providers;

	private final UpstreamLimiter limiter;

	private final ConversationLocks locks;

	private final GenerationEventLog events;

	private final GenerationRegistry registry;

	private final ContextWindow contextWindow;

	private final GenerationRunner runner;

	private final IdGenerator ids;

	private final ChatProperties properties;

	private final MessageMasking masking;

	private final TokenBudget tokenBudget;

	private final AgentCatalog agents;

	private final ResponseCache cache;

	private final GroupCommit groupCommit;

	private final InstanceId instanceId;

	private final GenerationStops stops;

	private final ApplicationEventPublisher publisher;

	private final CurrentUser currentUser;

	ChatService(ChatHistory history, ProviderCatalog providers, UpstreamLimiter limiter, ConversationLocks locks,
			GenerationEventLog events, GenerationRegistry registry, ContextWindow contextWindow,
			GenerationRunner runner, IdGenerator ids, ChatProperties properties, MessageMasking masking,
			TokenBudget tokenBudget, AgentCatalog agents, ResponseCache cache, GroupCommit groupCommit,
			InstanceId instanceId, GenerationStops stops, ApplicationEventPublisher publisher,
			CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.instanceId = instanceId;
		this.stops = stops;
		stops.onStop(this::stopHere);
		this.publisher = publisher;
		this.agents = agents;
		this.groupCommit = groupCommit;
		this.cache = cache;
		this.history = history;
		this.providers = providers;
		this.limiter = limiter;
		this.locks = locks;
		this.events = events;
		this.registry = registry;
		this.contextWindow = contextWindow;
		this.runner = runner;
		this.ids = ids;
		this.properties = properties;
		this.masking = masking;
		this.tokenBudget = tokenBudget;
	}

	/**
	 * Sends a user message (as a reply to {@code parentId}, or to the newest message) and
	 * starts the answer.
	 */
	RunningGeneration send(UUID conversationId, SendMessageRequest request, long acceptedAtNanos) {
		Sent sent = send(conversationId, request, ReplyGate.ALWAYS, acceptedAtNanos);
		return Objects.requireNonNull(sent.generation());
	}

	/**
	 * Sends a user message and starts its answer if {@code gate} lets the AI reply;
	 * otherwise stores the message alone.
	 */
	Sent send(UUID conversationId, SendMessageRequest request, ReplyGate gate, long acceptedAtNanos) {
		String content = this.masking.forStorage(checkedContent(request.content()));
		Conversation conversation = this.history.requireConversation(conversationId);
		UUID parentId = parentOf(conversationId, request);
		Turn turn = Turn.newMessage(parentId, content);
		if (!gate.open(conversationId)) {
			return storeWithoutReply(conversation, turn);
		}
		return start(conversation, Plan.of(this, conversation, request.model()), acceptedAtNanos, turn, gate);
	}

	/** A message stored, and its reply if one started. */
	record Sent(Message userMessage, @Nullable RunningGeneration generation) {
	}

	/** Stores a user message that the AI does not answer (its gate is closed). */
	private Sent storeWithoutReply(Conversation conversation, Turn turn) {
		Message user = this.groupCommit
			.execute((status) -> this.history.appendUserMessage(conversation.id(), turn.parentId(), turn.content()));
		this.publisher.publishEvent(new UserMessageSent(conversation.id(), conversation.ownerId(), user, null));
		return new Sent(user, null);
	}

	/**
	 * The message a new one follows: the one named, none for a new first message
	 * ({@code root}), else the newest.
	 */
	private @Nullable UUID parentOf(UUID conversationId, SendMessageRequest request) {
		if (Boolean.TRUE.equals(request.root())) {
			if (request.parentId() != null) {
				throw ProblemException.invalid("root", "cannot be true together with parent_id");
			}
			return null;
		}
		return (request.parentId() != null) ? this.history.requireMessage(conversationId, request.parentId()).id()
				: this.history.latestMessage(conversationId).map(Message::id).orElse(null);
	}

	/**
	 * Answers again: for an assistant message, its user message gets a new reply beside
	 * it; for a user message, it gets a new reply. History is never overwritten.
	 */
	RunningGeneration regenerate(UUID conversationId, UUID messageId, RegenerateRequest request, long acceptedAtNanos) {
		Conversation conversation = this.history.requireConversation(conversationId);
		Message target = this.history.requireMessage(conversationId, messageId);
		Message userMessage = switch (target.role()) {
			case USER -> target;
			case ASSISTANT, AGENT -> answeredUserMessage(conversationId, target);
			default -> throw ProblemException.of(CommonProblem.INVALID_REQUEST,
					"Only a user or an assistant message can be regenerated");
		};
		Plan plan = Plan.of(this, conversation, (request != null) ? request.model() : null);
		return Objects.requireNonNull(
				start(conversation, plan, acceptedAtNanos, Turn.answering(userMessage), ReplyGate.ALWAYS).generation());
	}

	/**
	 * Stops the conversation's running generation; its partial reply is kept as
	 * {@code stopped}.
	 */
	Stopping stop(UUID conversationId) {
		this.history.requireConversation(conversationId);
		RunningGeneration here = this.registry.find(conversationId).orElse(null);
		if (here != null) {
			here.stop();
			return Stopping.here(here);
		}
		UUID elsewhere = this.events.running(conversationId)
			.orElseThrow(() -> ProblemException.of(ChatProblem.NO_GENERATION,
					"No reply is being generated in this conversation"));
		if (!this.stops.relay(conversationId)) {
			throw ProblemException.of(ChatProblem.GENERATION_UNREACHABLE,
					"The reply is being generated on another instance, which cannot be reached now; try again");
		}
		return Stopping.elsewhere(conversationId, elsewhere);
	}

	/** A stop relayed from another instance, for a generation that may run here. */
	private void stopHere(UUID conversationId) {
		this.registry.find(conversationId).ifPresent(RunningGeneration::stop);
	}

	/**
	 * A deleted conversation's running reply is stopped, wherever it runs: nobody can
	 * read it any more.
	 */
	@EventListener
	void on(ConversationDeleted deleted) {
		stopAny(deleted.conversationId());
	}

	/** Stops the conversation's reply here, or relays the stop to where it runs. */
	void stopAny(UUID conversationId) {
		RunningGeneration here = this.registry.find(conversationId).orElse(null);
		if (here != null) {
			here.stop();
		}
		else {
			this.stops.relay(conversationId);
		}
	}

	/**
	 * How a reply is called: the conversation's agent's route (or the route of a model
	 * the client named), the agent's parameters, and the response cache's scope when the
	 * agent caches (null otherwise).
	 */
	private record Plan(Route route, ModelParams params, String cacheScope, UUID agentId) {

		static Plan of(ChatService service, Conversation conversation, String model) {
			AgentProfile agent = (conversation.agentId() != null)
					? service.agents.find(conversation.agentId()).orElseGet(service.agents::defaultAgent)
					: service.agents.defaultAgent();
			if (model != null && !model.isBlank()) {
				return new Plan(service.providers.routeForModel(model), agent.params(), null, agent.id());
			}
			return new Plan(service.agents.routeOf(agent), agent.params(),
					agent.cacheEnabled() ? "agent:" + agent.id() + "@" + agent.updatedAt() : null, agent.id());
		}

	}

	private Message answeredUserMessage(UUID conversationId, Message reply) {
		Message parent = (reply.parentId() != null) ? this.history.requireMessage(conversationId, reply.parentId())
				: null;
		if (parent == null || parent.role() != MessageRole.USER) {
			throw ProblemException.of(CommonProblem.INVALID_REQUEST,
					"This reply does not answer a user message, so it cannot be regenerated");
		}
		return parent;
	}

	private Sent start(Conversation conversation, Plan plan, long acceptedAtNanos, Turn turn, ReplyGate gate) {
		this.tokenBudget.requireAvailable(conversation.ownerId());
		String holder = this.instanceId.value() + "/" + this.ids.next();
		if (!this.locks.tryAcquire(conversation.id(), holder, this.properties.leaseTimeout())) {
			throw ProblemException.of(ChatProblem.GENERATION_IN_PROGRESS,
					"A reply is already being generated in this conversation; stop it or wait for it to end");
		}
		UpstreamLimiter.Permit permit = null;
		RunningGeneration launched;
		try {
			permit = this.limiter.acquire();
			RouteTarget planned = plan.route().primary();
			List<ChatMessage> context = (turn.answered() != null)
					? this.contextWindow.build(conversation, turn.answered().id())
					: this.contextWindow.buildForNew(conversation, turn.parentId(), turn.content());
			ChatRequest call = ChatRequest.of(planned.model(), context, plan.params());
			ReplyCaching caching = caching(plan, call);
			Stored stored = this.groupCommit.execute((status) -> {
				Message user = (turn.answered() != null) ? turn.answered()
						: this.history.appendUserMessage(conversation.id(), turn.parentId(), turn.content());
				if (!gate.claim(conversation.id())) {
					return new Stored(user, null);
				}
				return new Stored(user, this.history.startAssistantMessage(conversation.id(), user.id(),
						planned.model(), planned.providerId(), this.instanceId.value()));
			});
			if (stored.assistant() == null) {
				// The gate closed meanwhile (a handoff committed first): the message
				// alone.
				permit.close();
				permit = null;
				this.locks.release(conversation.id(), holder);
				this.publisher
					.publishEvent(new UserMessageSent(conversation.id(), conversation.ownerId(), stored.user(), null));
				return new Sent(stored.user(), null);
			}
			RunningGeneration generation = new RunningGeneration(conversation.id(), conversation.ownerId(),
					stored.user(), stored.assistant(), holder, acceptedAtNanos, plan.agentId(),
					this.currentUser.apiKeyId());
			this.registry.add(generation);
			if (gate != ReplyGate.ALWAYS && !gate.open(conversation.id())) {
				// Closed after the claim, by someone who may have looked for this reply
				// before it was registered: it stops at once.
				generation.stop();
			}
			this.events.begin(conversation.id(), stored.assistant().id(), new ChatEvent.Start(stored.assistant().id(),
					conversation.id(), stored.user().id(), planned.model(), planned.providerId()));
			this.runner.launch(generation, plan.route(), call, permit, caching);
			launched = generation;
		}
		catch (RuntimeException ex) {
			if (permit != null) {
				permit.close();
			}
			this.locks.release(conversation.id(), holder);
			throw ex;
		}
		if (turn.answered() == null) {
			// After the launch, outside the block above: the reply is already running.
			this.publisher.publishEvent(new UserMessageSent(conversation.id(), conversation.ownerId(),
					launched.userMessage(), launched.id()));
		}
		return new Sent(launched.userMessage(), launched);
	}

	/**
	 * What a reply answers: a stored user message ({@code answered}, to regenerate), or a
	 * new one ({@code content} after {@code parentId}) that is stored with the reply.
	 */
	private record Turn(@Nullable Message answered, @Nullable UUID parentId, @Nullable String content) {

		static Turn answering(Message userMessage) {
			return new Turn(userMessage, null, null);
		}

		static Turn newMessage(@Nullable UUID parentId, String content) {
			return new Turn(null, parentId, content);
		}

	}

	/** The user message and the reply's row, as stored (null when the gate closed). */
	private record Stored(Message user, @Nullable Message assistant) {
	}

	/** The reply's cache entry (looked up now), or null when its agent does not cache. */
	private ReplyCaching caching(Plan plan, ChatRequest call) {
		if (plan.cacheScope() == null) {
			return null;
		}
		String key = CacheKeys.of(plan.cacheScope(), plan.route(), call);
		return new ReplyCaching(key, this.cache.get(key).orElse(null));
	}

	private String checkedContent(String content) {
		if (content == null || content.isBlank()) {
			throw ProblemException.of(ChatProblem.EMPTY_MESSAGE, "The message content must not be empty");
		}
		if (content.length() > this.properties.maxContentChars()) {
			throw ProblemException.of(CommonProblem.CONTENT_TOO_LARGE, "The message has " + content.length()
					+ " characters; the limit is " + this.properties.maxContentChars());
		}
		return content;
	}

}
