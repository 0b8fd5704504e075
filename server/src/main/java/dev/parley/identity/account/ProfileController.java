package dev.parley.identity.account;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.SecurityCurrentUser;
import dev.parley.identity.session.LoginSessions;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.identity.user.UserView;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/** {@code /api/v1/users/me}: the caller's own profile and password. */
@RestController
@RequestMapping("/api/v1/users/me")
class ProfileController {

	private final AccountService accounts;

	private final UserRepository users;

	private final LoginSessions sessions;

	private final Clock clock;

	ProfileController(AccountService accounts, UserRepository users, LoginSessions sessions, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	UserView me() {
		return UserView.of(this.accounts.require(SecurityCurrentUser.user().id()));
	}

	@PatchMapping
	UserView update(@RequestBody AuthRequests.UpdateProfile body) {
		User user = this.accounts.require(SecurityCurrentUser.user().id());
		String name = AccountRules.displayName(body.displayName(), user.displayName());
		this.users.updateDisplayName(user.id(), name, Jdbc.now(this.clock));
		return UserView.of(this.accounts.require(user.id()));
	}

	/** Changes the password and ends every other session of the user. */
	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@RequestBody AuthRequests.ChangePassword body) {
		AuthenticatedUser caller = SecurityCurrentUser.user();
		User user = this.accounts.require(caller.id());
		if (!this.accounts.matches(user, body.currentPassword())) {
			throw ProblemException.invalid("current_password", "is wrong");
		}
		if (body.currentPassword().equals(body.newPassword())) {
			throw ProblemException.invalid("new_password", "must differ from the current password");
		}
		this.accounts.changePassword(user, body.newPassword(), false);
		this.sessions.endAllOf(user.id(), caller.sessionId());
		return ResponseEntity.noContent().build();
	}

}
