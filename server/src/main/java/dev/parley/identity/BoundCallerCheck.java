package dev.parley.identity;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;

/**
 * At start, refuses to run when a {@link CallerBinding} binds anonymous callers to a user
 * who does not exist, is disabled, or is not an ordinary user: anyone the binding admits
 * acts as that user, so it must be one chosen for it, never an administrator. It runs
 * once every bean is ready (the schema migrated) and before the web server opens its
 * port, so a refused start never answers a request.
 */
class BoundCallerCheck implements SmartInitializingSingleton {

	private final List<CallerBinding> bindings;

	private final UserRepository users;

	BoundCallerCheck(List<CallerBinding> bindings, UserRepository users) {
		this.bindings = List.copyOf(bindings);
		this.users = users;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (CallerBinding binding : this.bindings) {
			String email = binding.boundUser();
			if (email == null) {
				continue;
			}
			User user = this.users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
				.orElseThrow(() -> new IllegalStateException("Anonymous callers are bound to the user '" + email
						+ "', who does not exist: register that user first, or change the setting"));
			if (!user.active()) {
				throw new IllegalStateException("Anonymous callers are bound to the user '" + email
						+ "', whose account is disabled: enable it, or change the setting");
			}
			if (user.role() != Role.USER) {
				throw new IllegalStateException(
						"Anonymous callers are bound to the user '" + email + "', whose role is " + user.role()
								+ ": bind them to an ordinary user (role USER) made for them");
			}
		}
	}

}
