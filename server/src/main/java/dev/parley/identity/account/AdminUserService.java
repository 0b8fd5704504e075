package dev.parley.identity.account;

import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.Role;
import dev.parley.identity.Secrets;
import dev.parley.identity.UserStatus;
import dev.parley.identity.session.LoginSessions;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.identity.user.UserView;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * What administrators do to accounts: create, change role, disable or enable, reset a
 * password; each action is written to the audit log in the same transaction.
 */
@Service
class AdminUserService {

	/**
	 * {@code POST /api/v1/admin/users}; without a password a one-time one is generated.
	 */
	record Create(String email, String displayName, Role role, String password) {
	}

	/** {@code PATCH /api/v1/admin/users/{id}}; absent fields stay as they are. */
	record Update(Role role, UserStatus status) {
	}

	/** An account, with the one-time password when one was just generated. */
	record Result(UserView user, @JsonInclude(JsonInclude.Include.NON_NULL) String temporaryPassword) {
	}

	private final AccountService accounts;

	private final UserRepository users;

	private final LoginSessions sessions;

	private final Secrets secrets;

	private final AuditLogRepository audit;

	private final Clock clock;

	AdminUserService(AccountService accounts, UserRepository users, LoginSessions sessions, Secrets secrets,
			AuditLogRepository audit, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.sessions = sessions;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Result create(String actorId, Create request) {
		boolean generated = request.password() == null;
		String password = generated ? this.secrets.password() : request.password();
		Role role = (request.role() != null) ? request.role() : Role.USER;
		User user = this.accounts.create(request.email(), password, request.displayName(), role, generated);
		this.audit.record(actorId, "user.create", "user", user.id(),
				"email=" + user.email() + " role=" + UserRepository.lower(role));
		return new Result(UserView.of(user), generated ? password : null);
	}

	@Transactional
	UserView update(String actorId, String userId, Update request) {
		User user = this.accounts.require(userId);
		Role role = (request.role() != null) ? request.role() : user.role();
		UserStatus status = (request.status() != null) ? request.status() : user.status();
		if (user.id().equals(actorId) && (role != Role.ADMIN || status != UserStatus.ACTIVE)) {
			throw ProblemException.of(IdentityProblem.SELF_LOCKOUT,
					"Another administrator must change your own role or status");
		}
		this.users.updateRoleAndStatus(user.id(), role, status, Jdbc.now(this.clock));
		if (role != user.role()) {
			this.audit.record(actorId, "user.role", "user", user.id(),
					UserRepository.lower(user.role()) + " -> " + UserRepository.lower(role));
		}
		if (status != user.status()) {
			this.audit.record(actorId, (status == UserStatus.DISABLED) ? "user.disable" : "user.enable", "user",
					user.id(), null);
		}
		return UserView.of(this.accounts.require(user.id()));
	}

	/**
	 * Sets a one-time password that must be changed at next login, and ends every
	 * session.
	 */
	@Transactional
	Result resetPassword(String actorId, String userId) {
		User user = this.accounts.require(userId);
		String password = this.secrets.password();
		this.accounts.changePassword(user, password, true);
		this.sessions.endAllOf(user.id(), null);
		this.audit.record(actorId, "user.password_reset", "user", user.id(), null);
		return new Result(UserView.of(this.accounts.require(user.id())), password);
	}

}
