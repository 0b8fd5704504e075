package dev.parley.support.staff;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.problem.ProblemException;

/** {@code /api/v1/admin/support/teams}: administrators manage teams. */
@RestController
@RequestMapping("/api/v1/admin/support/teams")
class AdminTeamController {

	private final Teams teams;

	AdminTeamController(Teams teams) {
		this.teams = teams;
	}

	@GetMapping
	StaffController.Items<StaffController.TeamView> list() {
		return new StaffController.Items<>(this.teams.all().stream().map(AdminTeamController::view).toList());
	}

	@PostMapping
	ResponseEntity<StaffController.TeamView> create(@Valid @RequestBody StaffController.TeamBody body) {
		if (body.name() == null) {
			throw ProblemException.invalid("name", "is required");
		}
		Team team = this.teams.create(body.name(), (body.memberIds() != null) ? body.memberIds() : List.of());
		return ResponseEntity.created(URI.create("/api/v1/admin/support/teams/" + team.id())).body(view(team));
	}

	@PatchMapping("/{id}")
	StaffController.TeamView update(@PathVariable UUID id, @Valid @RequestBody StaffController.TeamBody body) {
		return view(this.teams.update(id, body.name(), body.memberIds()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.teams.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static StaffController.TeamView view(Team team) {
		return new StaffController.TeamView(team.id(), team.name(), team.memberIds());
	}

}
