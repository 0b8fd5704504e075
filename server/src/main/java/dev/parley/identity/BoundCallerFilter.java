package dev.parley.identity;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;

/**
 * Authenticates a request that carries no credential as the user a {@link CallerBinding}
 * binds it to, when the binding admits it: with the scopes of chatting and of the user's
 * own conversations, never those of a login session. The user is read on every such
 * request, so disabling them takes effect at once; a user who is gone, disabled or not an
 * ordinary user leaves the request unauthenticated (401).
 */
class BoundCallerFilter extends OncePerRequestFilter {

	/** What a bound caller may do: chat and manage their conversations. */
	static final Set<String> SCOPES = Set.of(Scope.CHAT.value(), Scope.CONVERSATIONS_READ.value(),
			Scope.CONVERSATIONS_WRITE.value());

	private final List<CallerBinding> bindings;

	private final UserRepository users;

	BoundCallerFilter(List<CallerBinding> bindings, UserRepository users) {
		this.bindings = List.copyOf(bindings);
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.bindings.isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (!(current instanceof ParleyAuthentication)) {
			for (CallerBinding binding : this.bindings) {
				String email = binding.boundUser();
				if (email != null && binding.covers(request) && binding.admitsAnonymous(request)) {
					authenticate(email);
					break;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private void authenticate(String email) {
		User user = this.users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).orElse(null);
		if (user == null || !user.active() || user.role() != Role.USER) {
			return;
		}
		AuthenticatedUser principal = new AuthenticatedUser(user.id(), user.email(), user.role(), null, null, SCOPES,
				user.passwordChangeRequired());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ParleyAuthentication.bound(principal));
		SecurityContextHolder.setContext(context);
	}

}
