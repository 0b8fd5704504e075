package dev.parley.conversation.tag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * The tags API's use cases, each scoped to the current user, and the tags of
 * conversations as their views show them.
 */
@Service
public class TagService {

	/** Tags one conversation carries at most. */
	public static final int MAX_PER_CONVERSATION = 20;

	/** Tags one owner has at most. */
	public static final int MAX_PER_OWNER = 500;

	private final TagRepository tags;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final GroupCommit groupCommit;

	private final Clock clock;

	TagService(TagRepository tags, CurrentUser currentUser, IdGenerator ids, GroupCommit groupCommit, Clock clock) {
		this.tags = tags;
		this.currentUser = currentUser;
		this.ids = ids;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	List<TagView> list() {
		return this.tags.list(this.currentUser.id());
	}

	TagView create(TagRequests.Create request) {
		String owner = this.currentUser.id();
		String name = TagNames.clean(request.name(), "name");
		String color = TagNames.color(request.color(), "color");
		Instant now = Jdbc.now(this.clock);
		TagRepository.Row row = new TagRepository.Row(this.ids.next(), name, color, now, now);
		try {
			this.groupCommit.execute((tx) -> {
				if (this.tags.count(owner) >= MAX_PER_OWNER) {
					throw tooMany("You have " + MAX_PER_OWNER + " tags, the most one may have; delete some first");
				}
				this.tags.insert(owner, row);
				return null;
			});
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		return new TagView(row.id(), name, color, 0, now, now);
	}

	TagView update(UUID id, TagRequests.Update request) {
		String owner = this.currentUser.id();
		String name = (request.name() != null) ? TagNames.clean(request.name(), "name") : null;
		String color = TagNames.color(request.color(), "color");
		boolean clearColor = request.color() != null && request.color().isEmpty();
		boolean found;
		try {
			found = this.groupCommit
				.execute((tx) -> this.tags.update(id, owner, name, color, clearColor, Jdbc.now(this.clock)));
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		if (!found) {
			throw notFound(id);
		}
		return this.tags.find(id, owner).orElseThrow(() -> notFound(id));
	}

	void delete(UUID id) {
		String owner = this.currentUser.id();
		if (!this.groupCommit.execute((tx) -> this.tags.delete(id, owner))) {
			throw notFound(id);
		}
	}

	/**
	 * Gives the conversation exactly the tags of these names (in the given spelling for a
	 * name no tag of the owner has yet, which is created), all in one transaction.
	 * @param conversationId a conversation of {@code owner}, which its caller checked
	 * @return false when the conversation was deleted meanwhile (nothing written)
	 * @throws ProblemException 400 for a bad name, 422 {@code too-many-tags}
	 */
	public boolean assign(UUID conversationId, String owner, List<String> names) {
		Map<String, String> byKey = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = TagNames.clean(names.get(i), "tags[" + i + "]");
			byKey.putIfAbsent(TagNames.key(name), name);
		}
		if (byKey.size() > MAX_PER_CONVERSATION) {
			throw tooMany("A conversation carries at most " + MAX_PER_CONVERSATION + " tags, not " + byKey.size());
		}
		try {
			return assignOnce(conversationId, owner, byKey);
		}
		catch (DuplicateKeyException ex) {
			// Another request created one of these tags meanwhile: it exists now.
			return assignOnce(conversationId, owner, byKey);
		}
	}

	private boolean assignOnce(UUID conversationId, String owner, Map<String, String> byKey) {
		Instant now = Jdbc.now(this.clock);
		try {
			return this.groupCommit.execute((tx) -> {
				Map<String, UUID> existing = new HashMap<>();
				this.tags.findByKeys(owner, byKey.keySet())
					.forEach((row) -> existing.put(TagNames.key(row.name()), row.id()));
				int missing = byKey.size() - existing.size();
				if (missing > 0 && this.tags.count(owner) + missing > MAX_PER_OWNER) {
					throw tooMany("You may have at most " + MAX_PER_OWNER + " tags; delete some first");
				}
				List<UUID> tagIds = new ArrayList<>(byKey.size());
				byKey.forEach((key, name) -> {
					UUID id = existing.get(key);
					if (id == null) {
						id = this.ids.next();
						this.tags.insert(owner, new TagRepository.Row(id, name, null, now, now));
					}
					tagIds.add(id);
				});
				this.tags.replaceLinks(conversationId, tagIds);
				return true;
			});
		}
		catch (DuplicateKeyException ex) {
			throw ex;
		}
		catch (DataIntegrityViolationException ex) {
			// The conversation is gone (its foreign key): nothing was written.
			return false;
		}
	}

	/** The tags of each of these conversations, in name order, in one query. */
	public Map<UUID, List<ConversationTag>> tagsOf(Collection<UUID> conversationIds) {
		Map<UUID, List<ConversationTag>> result = new HashMap<>();
		for (TagRepository.Link link : this.tags.tagsOf(conversationIds)) {
			result.computeIfAbsent(link.conversationId(), (id) -> new ArrayList<>()).add(link.tag());
		}
		return result;
	}

	private static ProblemException taken(@Nullable String name) {
		return ProblemException.of(TagProblem.TAG_NAME_TAKEN, "You have a tag named \"" + name + "\" already");
	}

	private static ProblemException tooMany(String detail) {
		return ProblemException.of(TagProblem.TOO_MANY_TAGS, detail);
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(TagProblem.TAG_NOT_FOUND, "No tag " + id);
	}

}
