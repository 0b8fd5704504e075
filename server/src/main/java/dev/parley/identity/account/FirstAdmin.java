package dev.parley.identity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.parley.identity.IdentityProperties;
import dev.parley.identity.Role;
import dev.parley.identity.Secrets;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.problem.ProblemException;

/**
 * Makes sure a database has an administrator: the one configured with
 * {@code PARLEY_ADMIN_EMAIL} and {@code PARLEY_ADMIN_PASSWORD}, or else one with a
 * generated one-time password, logged once, that must be changed at first login. Never a
 * default password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserRepository users;

	private final AccountService accounts;

	private final Secrets secrets;

	private final IdentityProperties properties;

	FirstAdmin(UserRepository users, AccountService accounts, Secrets secrets, IdentityProperties properties) {
		this.users = users;
		this.accounts = accounts;
		this.secrets = secrets;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.anyWithRole(Role.ADMIN)) {
			return;
		}
		String email = this.properties.firstAdminEmail();
		String configured = this.properties.adminPassword();
		boolean generated = configured == null || configured.isEmpty();
		String password = generated ? this.secrets.password() : configured;
		try {
			this.accounts.create(email, password, "Administrator", Role.ADMIN, generated);
		}
		catch (ProblemException ex) {
			if (this.users.anyWithRole(Role.ADMIN)) {
				return; // another instance created it a moment ago
			}
			throw new IllegalStateException("Cannot create the first administrator " + email + ": " + ex.getMessage()
					+ " (check PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD)", ex);
		}
		if (generated) {
			log.warn("""

					==================================================================
					 First administrator created: {}
					 One-time password: {}
					 It is shown only this once and must be changed at first login.
					 (Set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD to choose them.)
					==================================================================""", email, password);
		}
		else {
			log.info("First administrator {} created from PARLEY_ADMIN_EMAIL / PARLEY_ADMIN_PASSWORD", email);
		}
	}

}
