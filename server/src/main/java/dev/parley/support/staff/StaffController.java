package dev.parley.support.staff;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.StaffDirectory;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.NotBlankWhenPresent;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.inbox.Inboxes;

/**
 * {@code /api/v1/support}: the staff's own routes: who is on the staff and available,
 * one's own availability, teams and inboxes to pick from, canned responses.
 */
@RestController
@RequestMapping("/api/v1/support")
class StaffController {

	private final StaffDirectory staff;

	private final Presence presence;

	private final Teams teams;

	private final Inboxes inboxes;

	private final CannedResponses canned;

	private final CurrentUser currentUser;

	private final AvailabilityChanges changes;

	StaffController(StaffDirectory staff, Presence presence, Teams teams, Inboxes inboxes, CannedResponses canned,
			CurrentUser currentUser, AvailabilityChanges changes) {
		this.staff = staff;
		this.presence = presence;
		this.teams = teams;
		this.inboxes = inboxes;
		this.canned = canned;
		this.currentUser = currentUser;
		this.changes = changes;
	}

	record Agent(String id, String name, String email, String role, Availability availability) {
	}

	record Items<T>(List<T> items) {
	}

	record Me(String id, String name, Availability availability, List<UUID> teamIds, List<UUID> inboxIds) {
	}

	record AvailabilityBody(@NotNull Availability availability) {
	}

	record AvailabilityView(Availability availability) {
	}

	record TeamView(UUID id, String name, List<String> memberIds) {
	}

	record InboxItem(UUID id, String name) {
	}

	record CannedBody(@NotBlankWhenPresent @Size(max = 51) String shortCode,
			@NotBlankWhenPresent @Size(max = 4000) String content) {
	}

	@GetMapping("/agents")
	Items<Agent> agents() {
		Map<String, Availability> all = this.presence.all();
		return new Items<>(this.staff.all()
			.stream()
			.map((member) -> new Agent(member.id(), member.name(), member.email(),
					member.role().name().toLowerCase(Locale.ROOT), all.getOrDefault(member.id(), Availability.OFFLINE)))
			.toList());
	}

	@GetMapping("/agents/me")
	Me me() {
		String id = this.currentUser.id();
		String name = this.staff.find(id).map(StaffDirectory.Member::name).orElse(id);
		return new Me(id, name, this.presence.of(id), this.teams.teamsOf(id), this.inboxes.inboxesOf(id));
	}

	@PutMapping("/agents/me/availability")
	AvailabilityView setAvailability(@Valid @RequestBody AvailabilityBody body) {
		this.presence.set(this.currentUser.id(), body.availability());
		this.changes.changed(this.currentUser.id(), body.availability());
		return new AvailabilityView(body.availability());
	}

	@GetMapping("/teams")
	Items<TeamView> teams() {
		return new Items<>(this.teams.all()
			.stream()
			.map((team) -> new TeamView(team.id(), team.name(), team.memberIds()))
			.toList());
	}

	@GetMapping("/inboxes")
	Items<InboxItem> inboxes() {
		return new Items<>(
				this.inboxes.all().stream().map((inbox) -> new InboxItem(inbox.id(), inbox.name())).toList());
	}

	@GetMapping("/canned-responses")
	Items<CannedResponses.CannedResponse> canned(@RequestParam(required = false) String q) {
		return new Items<>(this.canned.search(q));
	}

	@PostMapping("/canned-responses")
	ResponseEntity<CannedResponses.CannedResponse> createCanned(@Valid @RequestBody CannedBody body) {
		if (body.shortCode() == null || body.content() == null) {
			throw ProblemException.invalid((body.shortCode() == null) ? "short_code" : "content", "is required");
		}
		CannedResponses.CannedResponse created = this.canned.create(body.shortCode(), body.content());
		return ResponseEntity.created(URI.create("/api/v1/support/canned-responses/" + created.id())).body(created);
	}

	@PatchMapping("/canned-responses/{id}")
	CannedResponses.CannedResponse updateCanned(@PathVariable UUID id, @Valid @RequestBody CannedBody body) {
		return this.canned.update(id, body.shortCode(), body.content());
	}

	@DeleteMapping("/canned-responses/{id}")
	ResponseEntity<Void> deleteCanned(@PathVariable UUID id) {
		this.canned.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** A team to create or change. */
	record TeamBody(@NotBlankWhenPresent @Size(max = 100) String name,
			@Size(max = 500) List<@NotBlank @Size(max = 64) String> memberIds) {
	}

}
