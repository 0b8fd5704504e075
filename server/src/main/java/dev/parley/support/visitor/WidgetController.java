package dev.parley.support.visitor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.conversation.ConversationProblem;
import dev.parley.identity.SubjectRateLimit;
import dev.parley.platform.Page;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;
import dev.parley.support.SupportProperties;
import dev.parley.support.desk.Desk;
import dev.parley.support.desk.HandoffTrigger;
import dev.parley.support.desk.SupportConversation;
import dev.parley.support.desk.TimelineEntry;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;
import dev.parley.support.staff.Presence;

/**
 * {@code /api/v1/widget}: the website widget's API for anonymous visitors, authenticated
 * by the visitor token ({@code X-Visitor-Token}) instead of a Parley login. A visitor
 * reaches only their contact's conversations (others are 404), is limited per visitor
 * (and per IP address by the API's limit), and cannot send at all in an inbox that
 * requires identity until the host site vouched for them.
 */
@RestController
@RequestMapping("/api/v1/widget")
@Validated
class WidgetController {

	static final String TOKEN_HEADER = "X-Visitor-Token";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final Visitors visitors;

	private final Inboxes inboxes;

	private final Desk desk;

	private final Presence presence;

	private final VisitorEventStreams streams;

	private final SubjectRateLimit limits;

	private final SupportProperties properties;

	WidgetController(Visitors visitors, Inboxes inboxes, Desk desk, Presence presence, VisitorEventStreams streams,
			SubjectRateLimit limits, SupportProperties properties) {
		this.visitors = visitors;
		this.inboxes = inboxes;
		this.desk = desk;
		this.presence = presence;
		this.streams = streams;
		this.limits = limits;
		this.properties = properties;
	}

	/** What the widget shows of an inbox. */
	record InboxInfo(UUID id, String name, @Nullable String greeting, boolean identityRequired, boolean online) {
	}

	record Registration(@Size(max = 200) String identifier, @Size(max = 128) String identifierHash,
			@Size(max = 200) String name, @Size(max = 254) @Email String email) {
	}

	record VisitorView(UUID id, UUID contactId, boolean verified) {
	}

	record Registered(String visitorToken, VisitorView visitor, InboxInfo inbox) {
	}

	/** A conversation as its customer sees it. */
	record CustomerConversation(UUID id, String status, String handler, Instant createdAt, Instant updatedAt) {
	}

	record Content(@NotBlank @Size(max = 32_000) String content) {
	}

	record Sent(TimelineEntryRef message, @Nullable UUID replyId) {
	}

	record TimelineEntryRef(UUID id) {
	}

	record Typing(@NotNull Boolean typing) {
	}

	/** Every widget request counts against its IP address's limit. */
	@ModelAttribute
	void limitPerAddress(HttpServletRequest request) {
		this.limits.consume("visitor_ip", this.properties.visitorRequestsPerIpPerMinute(), MINUTE,
				request.getRemoteAddr());
	}

	@GetMapping("/inboxes/{inboxId}")
	InboxInfo inbox(@PathVariable UUID inboxId) {
		return info(this.inboxes.require(inboxId));
	}

	@PostMapping("/inboxes/{inboxId}/visitors")
	ResponseEntity<Registered> register(@PathVariable UUID inboxId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@Valid @RequestBody(required = false) Registration body, HttpServletRequest request) {
		Registration registration = (body != null) ? body : new Registration(null, null, null, null);
		if (token == null) {
			this.limits.consume("visitor_registration", this.properties.visitorRegistrationsPerMinute(), MINUTE,
					request.getRemoteAddr());
		}
		Visitors.Registered registered = this.visitors.register(inboxId, token, new Visitors.Identity(
				registration.identifier(), registration.identifierHash(), registration.name(), registration.email()));
		VisitorContext context = registered.context();
		Registered view = new Registered(registered.token(),
				new VisitorView(context.visitor().id(), context.contact().id(), context.visitor().verified()),
				info(context.inbox()));
		return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping("/conversations")
	Page<CustomerConversation> conversations(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		VisitorContext visitor = visitor(token);
		List<CustomerConversation> items = this.desk.ofContact(visitor.contact().id(), 50)
			.stream()
			.filter((conversation) -> conversation.inboxId().equals(visitor.inbox().id()))
			.map(WidgetController::view)
			.toList();
		return new Page<>(items, null);
	}

	@PostMapping("/conversations")
	ResponseEntity<CustomerConversation> start(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		VisitorContext visitor = visitor(token);
		requireVerifiedWhenRequired(visitor);
		SupportConversation started = this.desk.start(visitor.inbox(), visitor.contact());
		return ResponseEntity.created(URI.create("/api/v1/widget/conversations/" + started.conversationId()))
			.body(view(started));
	}

	@GetMapping("/conversations/{id}/timeline")
	Page<TimelineEntry> timeline(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@PathVariable UUID id, @RequestParam(required = false) UUID before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		VisitorContext visitor = visitor(token);
		conversationOf(visitor, id);
		return this.desk.customerTimeline(id, before, limit);
	}

	@PostMapping("/conversations/{id}/messages")
	ResponseEntity<Sent> send(@RequestHeader(name = TOKEN_HEADER, required = false) String token, @PathVariable UUID id,
			@Valid @RequestBody Content body) {
		VisitorContext visitor = visitor(token);
		requireVerifiedWhenRequired(visitor);
		this.limits.consume("visitor_message", this.properties.visitorMessagesPerMinute(), MINUTE, visitor.subject());
		SupportConversation conversation = conversationOf(visitor, id);
		Desk.CustomerMessage sent = visitor
			.asOwner(() -> this.desk.customerMessage(conversation, visitor.inbox(), body.content()));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Sent(new TimelineEntryRef(sent.messageId()), sent.replyId()));
	}

	@PostMapping("/conversations/{id}/handoff")
	CustomerConversation handoff(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@PathVariable UUID id) {
		VisitorContext visitor = visitor(token);
		requireVerifiedWhenRequired(visitor);
		conversationOf(visitor, id);
		return view(this.desk.handoff(id, HandoffTrigger.CUSTOMER, null, null, null, "the customer asked"));
	}

	@PostMapping("/conversations/{id}/typing")
	ResponseEntity<Void> typing(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@PathVariable UUID id, @Valid @RequestBody Typing body) {
		VisitorContext visitor = visitor(token);
		this.desk.typing(conversationOf(visitor, id), true, null, body.typing());
		return ResponseEntity.noContent().build();
	}

	/**
	 * The conversation's live events: the bot's reply events (resumable with
	 * {@code Last-Event-ID}) and what the customer may see of the rest.
	 */
	@GetMapping("/conversations/{id}/events")
	SseEmitter events(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestParam(name = "visitor_token", required = false) String queryToken, @PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		VisitorContext visitor = visitor((token != null) ? token : queryToken);
		conversationOf(visitor, id);
		return this.streams.open(visitor, id, lastEventId);
	}

	private VisitorContext visitor(@Nullable String token) {
		VisitorContext visitor = this.visitors.require(token);
		this.limits.consume("visitor", this.properties.visitorRequestsPerMinute(), MINUTE, visitor.subject());
		return visitor;
	}

	private SupportConversation conversationOf(VisitorContext visitor, UUID id) {
		return this.desk.ofContactConversation(visitor.contact().id(), id)
			.filter((conversation) -> conversation.inboxId().equals(visitor.inbox().id()))
			.orElseThrow(
					() -> ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND, "No conversation " + id));
	}

	private static void requireVerifiedWhenRequired(VisitorContext visitor) {
		if (visitor.inbox().identityRequired() && !visitor.visitor().verified()) {
			throw ProblemException.of(SupportProblem.VISITOR_UNVERIFIED,
					"This inbox talks only with visitors the website identified (identifier and identifier_hash)");
		}
	}

	private InboxInfo info(Inbox inbox) {
		boolean online = inbox.openAt(Instant.now()) && !this.presence.online(inbox.memberIds()).isEmpty();
		return new InboxInfo(inbox.id(), inbox.name(), inbox.greeting(), inbox.identityRequired(), online);
	}

	private static CustomerConversation view(SupportConversation conversation) {
		return new CustomerConversation(conversation.conversationId(),
				conversation.status().name().toLowerCase(Locale.ROOT),
				conversation.handler().name().toLowerCase(Locale.ROOT), conversation.createdAt(),
				conversation.updatedAt());
	}

}
