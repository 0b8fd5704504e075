package dev.parley.support.visitor;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import dev.parley.support.contact.Contact;
import dev.parley.support.inbox.Inbox;

/**
 * The visitor behind a widget request: their row, inbox and the contact they speak for.
 * {@link #asOwner} runs a call as the contact, the owner of its support conversations, so
 * that the chat core's ownership checks (send, stream) apply to visitors unchanged: a
 * visitor reaches only their contact's conversations.
 */
record VisitorContext(Visitor visitor, Inbox inbox, Contact contact) {

	<T> T asOwner(Supplier<T> call) {
		SecurityContext previous = SecurityContextHolder.getContext();
		AuthenticatedUser principal = new AuthenticatedUser(this.contact.ownerId(), "", Role.USER, null, null, Set.of(),
				false);
		SecurityContextHolder.setContext(
				new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of())));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The rate limit's subject of this visitor. */
	String subject() {
		return this.visitor.id().toString();
	}

}
