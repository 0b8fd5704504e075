package dev.parley.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * The current user's saved contexts: the API's use cases and {@link SavedContexts}.
 * Marking one default unmarks the others in the same transaction.
 */
@Service
class SavedContextService implements SavedContexts {

	private final SavedContextRepository contexts;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SavedContextService(SavedContextRepository contexts, CurrentUser currentUser, IdGenerator ids,
			TransactionTemplate transactions, Clock clock) {
		this.contexts = contexts;
		this.currentUser = currentUser;
		this.ids = ids;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<SavedContext> find(UUID id) {
		return (id != null) ? this.contexts.find(this.currentUser.id(), id) : Optional.empty();
	}

	@Override
	public Optional<SavedContext> defaultContext() {
		return this.contexts.findDefault(this.currentUser.id());
	}

	List<SavedContext> list() {
		return this.contexts.list(this.currentUser.id());
	}

	SavedContext get(UUID id) {
		return find(id).orElseThrow(() -> notFound(id));
	}

	SavedContext create(SavedContextRequests.Body body) {
		if (body.name() == null) {
			throw ProblemException.invalid("name", "is required");
		}
		if (body.systemPrompt() == null) {
			throw ProblemException.invalid("system_prompt", "is required");
		}
		Instant now = Jdbc.now(this.clock);
		SavedContext context = new SavedContext(this.ids.next(), body.name().strip(), body.systemPrompt(),
				Boolean.TRUE.equals(body.isDefault()), now, now);
		String owner = this.currentUser.id();
		if (this.contexts.count(owner) >= AgentLimits.CONTEXTS_PER_USER_MAX) {
			throw ProblemException.of(AgentProblem.TOO_MANY_CONTEXTS, "A user keeps at most "
					+ AgentLimits.CONTEXTS_PER_USER_MAX + " saved contexts; delete one to make room");
		}
		checkNameFree(owner, context);
		write(owner, context, () -> this.contexts.insert(owner, context));
		return context;
	}

	SavedContext update(UUID id, SavedContextRequests.Body body) {
		SavedContext current = get(id);
		SavedContext context = new SavedContext(id, (body.name() != null) ? body.name().strip() : current.name(),
				(body.systemPrompt() != null) ? body.systemPrompt() : current.systemPrompt(),
				(body.isDefault() != null) ? body.isDefault() : current.isDefault(), current.createdAt(),
				Jdbc.now(this.clock));
		String owner = this.currentUser.id();
		checkNameFree(owner, context);
		write(owner, context, () -> {
			if (!this.contexts.update(owner, context)) {
				throw notFound(id);
			}
		});
		return context;
	}

	void delete(UUID id) {
		if (!this.contexts.delete(this.currentUser.id(), id)) {
			throw notFound(id);
		}
	}

	private void write(String owner, SavedContext context, Runnable write) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (context.isDefault()) {
					this.contexts.clearDefault(owner, context.id(), context.updatedAt());
				}
				write.run();
			});
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(context.name());
		}
	}

	private void checkNameFree(String owner, SavedContext context) {
		this.contexts.findByName(owner, context.name())
			.filter((other) -> !other.id().equals(context.id()))
			.ifPresent((other) -> {
				throw nameTaken(context.name());
			});
	}

	private static ProblemException nameTaken(String name) {
		return ProblemException.of(AgentProblem.CONTEXT_NAME_TAKEN, "You have a saved context named '" + name + "'");
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(AgentProblem.CONTEXT_NOT_FOUND, "No saved context " + id);
	}

}
