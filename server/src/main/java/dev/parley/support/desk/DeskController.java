package dev.parley.support.desk;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.KeysetCursor;

/**
 * {@code /api/v1/support/conversations}: the agents' inbox (human agents and
 * administrators): lists with counts per tab, the timeline, replies and notes,
 * assignment, handoff, status, priority, labels, snooze, typing.
 */
@RestController
@RequestMapping("/api/v1/support/conversations")
@Validated
class DeskController {

	private final Desk desk;

	private final SupportConversationRepository repository;

	private final DeskViews views;

	private final CurrentUser currentUser;

	DeskController(Desk desk, SupportConversationRepository repository, DeskViews views, CurrentUser currentUser) {
		this.desk = desk;
		this.repository = repository;
		this.views = views;
		this.currentUser = currentUser;
	}

	@GetMapping
	Page<DeskViews.ConversationView> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "all") String assignee,
			@RequestParam(name = "inbox_id", required = false) UUID inboxId,
			@RequestParam(name = "team_id", required = false) UUID teamId, @RequestParam(required = false) String label,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
		DeskFilter filter = filter(status, assignee, inboxId, teamId, label, priority);
		KeysetCursor after = (cursor != null) ? KeysetCursor.decode(cursor) : null;
		var rows = this.repository.page(filter, (after != null) ? after.at() : null,
				(after != null) ? after.id() : null, limit + 1);
		Page<SupportConversation> page = Page.of(rows, limit,
				(last) -> new KeysetCursor(last.updatedAt(), last.conversationId()).encode());
		return new Page<>(this.views.views(page.items()), page.nextCursor());
	}

	/** The counts of the tabs (mine, unassigned, all) and of each status. */
	record Counts(long mine, long unassigned, long all, Map<SupportStatus, Long> byStatus) {
	}

	@GetMapping("/counts")
	Counts counts(@RequestParam(required = false) String status, @RequestParam(defaultValue = "all") String assignee,
			@RequestParam(name = "inbox_id", required = false) UUID inboxId,
			@RequestParam(name = "team_id", required = false) UUID teamId, @RequestParam(required = false) String label,
			@RequestParam(required = false) String priority) {
		DeskFilter filter = filter(status, assignee, inboxId, teamId, label, priority);
		return new Counts(this.repository.count(filter.withAssignee(DeskFilter.Assignee.MINE)),
				this.repository.count(filter.withAssignee(DeskFilter.Assignee.UNASSIGNED)),
				this.repository.count(filter.withAssignee(DeskFilter.Assignee.ALL)),
				this.repository.countByStatus(filter));
	}

	@GetMapping("/{id}")
	DeskViews.ConversationView get(@PathVariable UUID id) {
		return this.views.view(this.desk.require(id));
	}

	@GetMapping("/{id}/timeline")
	Page<TimelineEntry> timeline(@PathVariable UUID id, @RequestParam(required = false) UUID before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		this.desk.require(id);
		return this.desk.timeline().page(id, before, limit, false);
	}

	@PostMapping("/{id}/messages")
	ResponseEntity<TimelineEntry> reply(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Content body) {
		this.desk.require(id);
		TimelineEntry entry = this.desk.agentReply(id, body.content(), this.currentUser.id());
		return ResponseEntity.created(URI.create("/api/v1/support/conversations/" + id + "/timeline")).body(entry);
	}

	@PostMapping("/{id}/notes")
	ResponseEntity<TimelineEntry> note(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Content body) {
		TimelineEntry entry = this.desk.note(id, body.content(), this.currentUser.id());
		return ResponseEntity.created(URI.create("/api/v1/support/conversations/" + id + "/timeline")).body(entry);
	}

	@PostMapping("/{id}/assign")
	DeskViews.ConversationView assign(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Assign body) {
		this.desk.require(id);
		return this.views
			.view(this.desk.assign(id, blankToNull(body.assigneeId()), body.teamId(), this.currentUser.id()));
	}

	@PostMapping("/{id}/handoff")
	DeskViews.ConversationView handoff(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Handoff body) {
		String me = this.currentUser.id();
		if (body.to() == DeskRequests.Handoff.Target.BOT) {
			if (body.teamId() != null || body.assigneeId() != null) {
				throw ProblemException.invalid("to", "a handoff to the bot names no team or assignee");
			}
			return this.views.view(this.desk.handBack(id, me));
		}
		String assignee = blankToNull(body.assigneeId());
		if (assignee == null && body.teamId() == null) {
			assignee = me;
		}
		return this.views.view(this.desk.handoff(id, HandoffTrigger.AGENT, body.teamId(), assignee, me, null));
	}

	@PatchMapping("/{id}")
	DeskViews.ConversationView update(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Update body) {
		this.desk.require(id);
		return this.views.view(this.desk.update(id,
				new Desk.Changes(body.status(), body.priority(), body.labels(), body.snoozedUntil()),
				this.currentUser.id()));
	}

	@PostMapping("/{id}/typing")
	ResponseEntity<Void> typing(@PathVariable UUID id, @Valid @RequestBody DeskRequests.Typing body) {
		this.desk.typing(this.desk.require(id), false, this.currentUser.id(), body.typing());
		return ResponseEntity.noContent().build();
	}

	private DeskFilter filter(@Nullable String status, String assignee, @Nullable UUID inboxId, @Nullable UUID teamId,
			@Nullable String label, @Nullable String priority) {
		Priority parsedPriority = null;
		if (priority != null && !priority.isBlank()) {
			try {
				parsedPriority = Priority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.invalid("priority", "one of low, medium, high, urgent");
			}
		}
		SupportStatus parsedStatus = null;
		if (status != null && !status.isBlank() && !"all".equalsIgnoreCase(status)) {
			try {
				parsedStatus = SupportStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.invalid("status", "one of open, pending, resolved, snoozed, all");
			}
		}
		DeskFilter.Assignee tab;
		try {
			tab = DeskFilter.Assignee.valueOf(assignee.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("assignee", "one of mine, unassigned, all");
		}
		return new DeskFilter(parsedStatus, tab, this.currentUser.id(), inboxId, teamId,
				(label != null && !label.isBlank()) ? label.strip() : null, parsedPriority);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
