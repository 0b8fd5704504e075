package dev.parley.identity.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.Role;
import dev.parley.identity.UserStatus;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/** Creates accounts and checks and changes their passwords. */
@Service
class AccountService {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final IdGenerator ids;

	/** Compared against when the e-mail is unknown, so that both cases take as long. */
	private final String decoyHash;

	private final Clock clock;

	AccountService(UserRepository users, PasswordEncoder passwords, IdGenerator ids, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.ids = ids;
		this.decoyHash = passwords.encode("decoy password that matches nothing");
		this.clock = clock;
	}

	/** Validates and stores a new account; a taken e-mail is EMAIL_TAKEN. */
	User create(String rawEmail, String password, String rawDisplayName, Role role, boolean changeRequired) {
		String email = AccountRules.email(rawEmail);
		String displayName = AccountRules.displayName(rawDisplayName, email.substring(0, email.indexOf('@')));
		AccountRules.password("password", password, email);
		Instant now = Jdbc.now(this.clock);
		User user = new User(this.ids.next().toString(), email, displayName, this.passwords.encode(password), role,
				UserStatus.ACTIVE, changeRequired, now, now, null);
		try {
			this.users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.of(IdentityProblem.EMAIL_TAKEN,
					"An account with this e-mail address already exists");
		}
		return user;
	}

	/**
	 * The account whose password matches, or INVALID_CREDENTIALS; never says which part
	 * was wrong.
	 */
	User verify(String email, String password) {
		User user = this.users.findByEmail(email).orElse(null);
		if (user == null) {
			this.passwords.matches(password, this.decoyHash);
			throw invalidCredentials();
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			throw invalidCredentials();
		}
		if (this.passwords.upgradeEncoding(user.passwordHash())) {
			this.users.updatePassword(user.id(), this.passwords.encode(password), user.passwordChangeRequired(),
					Jdbc.now(this.clock));
		}
		return user;
	}

	/** Sets a new password after checking it against the rules. */
	void changePassword(User user, String newPassword, boolean changeRequired) {
		AccountRules.password("new_password", newPassword, user.email());
		this.users.updatePassword(user.id(), this.passwords.encode(newPassword), changeRequired, Jdbc.now(this.clock));
	}

	boolean matches(User user, String password) {
		return password != null && this.passwords.matches(password, user.passwordHash());
	}

	User require(String userId) {
		return this.users.findById(userId)
			.orElseThrow(() -> ProblemException.of(IdentityProblem.USER_NOT_FOUND, "No user " + userId));
	}

	static ProblemException invalidCredentials() {
		return ProblemException.of(IdentityProblem.INVALID_CREDENTIALS, "The e-mail address or the password is wrong");
	}

}
