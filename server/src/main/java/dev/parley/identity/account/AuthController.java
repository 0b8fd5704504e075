package dev.parley.identity.account;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.IdentityProperties;
import dev.parley.identity.Role;
import dev.parley.identity.SecurityCurrentUser;
import dev.parley.identity.limit.LoginThrottle;
import dev.parley.identity.session.LoginSessions;
import dev.parley.identity.session.TokenResponse;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserView;
import dev.parley.platform.problem.ProblemException;

/** {@code /api/v1/auth}: register, log in, refresh and log out. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final AccountService accounts;

	private final LoginSessions sessions;

	private final IdentityProperties properties;

	private final LoginThrottle throttle;

	AuthController(AccountService accounts, LoginSessions sessions, IdentityProperties properties,
			LoginThrottle throttle) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.properties = properties;
		this.throttle = throttle;
	}

	@PostMapping("/register")
	ResponseEntity<UserView> register(@RequestBody AuthRequests.Register body) {
		if (!this.properties.registrationOpen()) {
			throw ProblemException.of(IdentityProblem.REGISTRATION_CLOSED, "Ask an administrator for an account");
		}
		User user = this.accounts.create(body.email(), body.password(), body.displayName(), Role.USER, false);
		return ResponseEntity.created(URI.create("/api/v1/users/me")).body(UserView.of(user));
	}

	@PostMapping("/login")
	TokenResponse login(@RequestBody AuthRequests.Login body, HttpServletRequest request) {
		if (body.password() == null || body.password().isEmpty()) {
			throw ProblemException.invalid("password", "is required");
		}
		String email = AccountRules.email(body.email());
		String ip = request.getRemoteAddr();
		this.throttle.check(email, ip);
		User user;
		try {
			user = this.accounts.verify(email, body.password());
		}
		catch (ProblemException ex) {
			this.throttle.recordFailure(email, ip);
			throw ex;
		}
		this.throttle.recordSuccess(email, ip);
		if (!user.active()) {
			throw ProblemException.of(IdentityProblem.ACCOUNT_DISABLED, "This account is disabled");
		}
		return this.sessions.start(user);
	}

	@PostMapping("/refresh")
	TokenResponse refresh(@RequestBody AuthRequests.Refresh body) {
		return this.sessions.refresh(body.refreshToken());
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout() {
		this.sessions.end(SecurityCurrentUser.user().sessionId());
		return ResponseEntity.noContent().build();
	}

}
