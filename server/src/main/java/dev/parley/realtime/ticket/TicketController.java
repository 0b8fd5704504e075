package dev.parley.realtime.ticket;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Scope;
import dev.parley.identity.SecurityCurrentUser;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * {@code POST /api/v1/realtime/tickets}: a one-time ticket that opens a WebSocket
 * ({@code /ws?ticket=...}) as the caller, for browsers, which cannot send an
 * Authorization header with the upgrade.
 */
@RestController
class TicketController {

	private final Tickets tickets;

	TicketController(Tickets tickets) {
		this.tickets = tickets;
	}

	/** The answer: the ticket, when it expires, and in how many seconds. */
	record TicketResponse(String ticket, Instant expiresAt, long expiresIn) {
	}

	@PostMapping(path = "/api/v1/realtime/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	TicketResponse issue() {
		AuthenticatedUser caller = SecurityCurrentUser.user();
		if (!caller.scopes().contains(Scope.CHAT.value())) {
			throw ProblemException.of(CommonProblem.FORBIDDEN,
					"This API key's scopes do not allow the WebSocket (it needs the scope 'chat')");
		}
		Tickets.Issued issued = this.tickets.issue(caller);
		return new TicketResponse(issued.ticket(), issued.expiresAt(), issued.validFor().toSeconds());
	}

}
