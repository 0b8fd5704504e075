package dev.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.problem.ProblemException;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The repositories and {@link ChatHistory} against a real database, run on each supported
 * server.
 */
@OnEachDatabase
class ChatHistoryContractTests {

	private static final Instant BASE = Instant.parse("2026-03-29T01:30:00.123456Z");

	private static final ConversationProperties DEFAULTS = new ConversationProperties(Duration.ofMinutes(30),
			Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(1), 500, ConversationProperties.Titles.defaults());

	@Parameter
	DatabaseServer database;

	private JdbcClient jdbc;

	private TransactionTemplate transactions;

	private final IdGenerator ids = new IdGenerator();

	private String owner;

	private ConversationRepository conversations;

	private MessageRepository messages;

	private DefaultChatHistory history;

	private ConversationService service;

	private GroupCommit groupCommit;

	private final List<Object> published = new ArrayList<>();

	@BeforeEach
	void open() {
		DataSource dataSource = this.database.dataSource();
		this.jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.groupCommit = new GroupCommit(transactionManager, dataSource);
		this.conversations = new ConversationRepository(this.jdbc, JsonConfiguration.storageJsonMapper(),
				new ConversationLifecycle(DEFAULTS, Clock.systemUTC()));
		this.messages = new MessageRepository(this.jdbc, new JdbcTemplate(dataSource));
		this.owner = "user-" + UUID.randomUUID();
		this.history = new DefaultChatHistory(this.conversations, this.messages, () -> this.owner, this.ids,
				this.transactions, this.groupCommit, Clock.systemUTC(), (event) -> {
				});
		this.service = new ConversationService(this.conversations, this.messages, () -> this.owner, this.ids,
				this.published::add, this.groupCommit, Clock.systemUTC());
	}

	@AfterEach
	void close() throws InterruptedException {
		this.groupCommit.destroy();
	}

	@Test
	void anotherOwnersConversationIsNotFound() {
		Conversation mine = newConversation();
		assertThat(this.history.requireConversation(mine.id())).isEqualTo(mine);
		this.owner = "someone-else";
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.history.requireConversation(mine.id()))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ConversationProblem.CONVERSATION_NOT_FOUND));
		assertThat(this.conversations.delete(mine.id(), this.owner)).isFalse();
	}

	@Test
	void listsPinnedFirstThenNewestThroughCursorsWithTies() {
		List<Conversation> all = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			// Only five distinct updated_at values, so the id breaks most ties.
			Instant updated = BASE.plus(i % 5, ChronoUnit.MICROS);
			Conversation c = Conversation.builder(this.ids.next(), this.owner)
				.title("c" + i)
				.pinned(i % 15 == 0)
				.archived(i % 20 == 7)
				.createdAt(BASE)
				.updatedAt(updated)
				.build();
			this.conversations.insert(c);
			all.add(c);
		}
		Comparator<Conversation> order = Comparator.comparing(Conversation::pinned)
			.thenComparing(Conversation::updatedAt)
			.thenComparing(Conversation::id)
			.reversed();
		List<UUID> expected = all.stream().filter((c) -> !c.archived()).sorted(order).map(Conversation::id).toList();
		assertThat(collectPages(false, 7)).containsExactlyElementsOf(expected);
		assertThat(collectPages(true, 1)).containsExactlyInAnyOrderElementsOf(
				all.stream().filter(Conversation::archived).map(Conversation::id).toList());
		assertThat(expected).hasSize(43);
		assertThat(all.stream().filter((c) -> c.pinned() && !c.archived())).hasSize(3);
	}

	@Test
	void filtersByTitleIgnoringCaseWithWildcardsTakenLiterally() {
		List<UUID> matching = new ArrayList<>();
		String[] titles = { "Trip to Kyoto", "KYOTO food", "Budget 100% done", "Budget 100 done", "snake_case",
				"snakeXcase", "旅行计划", null };
		for (int i = 0; i < titles.length; i++) {
			Conversation c = Conversation.builder(this.ids.next(), this.owner)
				.title(titles[i])
				.createdAt(BASE)
				.updatedAt(BASE.plus(i, ChronoUnit.SECONDS))
				.build();
			this.conversations.insert(c);
			if (i < 2) {
				matching.add(c.id());
			}
		}
		assertThat(collectPages(false, 1, "kyoto")).containsExactlyElementsOf(matching.reversed());
		assertThat(collectPages(false, 5, "100%")).hasSize(1);
		assertThat(collectPages(false, 5, "e_c")).hasSize(1);
		assertThat(collectPages(false, 5, "计划")).hasSize(1);
		assertThat(collectPages(false, 5, "  ")).hasSize(titles.length);
		assertThat(collectPages(true, 5, "kyoto")).isEmpty();
	}

	private List<UUID> collectPages(boolean archived, int limit) {
		return collectPages(archived, limit, null);
	}

	private List<UUID> collectPages(boolean archived, int limit, String titleContains) {
		List<UUID> seen = new ArrayList<>();
		String cursor = null;
		for (int guard = 0; guard < 100; guard++) {
			Page<Conversation> page = this.service.list(limit, cursor, archived, titleContains);
			assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
			page.items().forEach((item) -> seen.add(item.id()));
			cursor = page.nextCursor();
			if (cursor == null) {
				return seen;
			}
		}
		throw new AssertionError("paging did not end");
	}

	@Test
	void messagesPageNewestFirstByKeyset() {
		Conversation c = newConversation();
		List<UUID> appended = new ArrayList<>();
		UUID parent = null;
		for (int i = 0; i < 130; i++) {
			parent = this.history.appendUserMessage(c.id(), parent, "message " + i).id();
			appended.add(parent);
		}
		List<UUID> seen = new ArrayList<>();
		UUID before = null;
		int pages = 0;
		do {
			Page<Message> page = this.service.messages(c.id(), 25, before);
			page.items().forEach((m) -> seen.add(m.id()));
			before = (page.nextCursor() != null) ? UUID.fromString(page.nextCursor()) : null;
			pages++;
		}
		while (before != null && pages < 20);
		assertThat(seen).containsExactlyElementsOf(appended.reversed());
		assertThat(pages).isEqualTo(6);
		assertThat(this.history.latestMessage(c.id())).map(Message::id).contains(appended.getLast());
	}

	@Test
	void branchWalksParentsOldestFirstWithinBounds() {
		Conversation c = newConversation();
		Message u1 = insert(c, null, MessageRole.USER, 0);
		Message a1 = insert(c, u1, MessageRole.ASSISTANT, 1);
		Message u2 = insert(c, a1, MessageRole.USER, 2);
		Message a2 = insert(c, u2, MessageRole.ASSISTANT, 3);
		Message edited = insert(c, a1, MessageRole.USER, 4);
		assertThat(this.history.branch(c.id(), a2.id(), null, 100)).containsExactly(u1, a1, u2, a2);
		assertThat(this.history.branch(c.id(), edited.id(), null, 100)).containsExactly(u1, a1, edited);
		assertThat(this.history.branch(c.id(), a2.id(), null, 2)).containsExactly(u2, a2);
		assertThat(this.history.branch(c.id(), a2.id(), u2.createdAt(), 100)).containsExactly(u2, a2);
		assertThat(this.history.branch(c.id(), a2.id(), a2.createdAt().plusSeconds(1), 100)).isEmpty();
		assertThat(this.history.branch(newConversation().id(), a2.id(), null, 100)).isEmpty();
	}

	@Test
	void branchFollowsALongChainFromAnyOfItsMessages() {
		Conversation c = newConversation();
		List<Message> chain = new ArrayList<>();
		this.transactions.executeWithoutResult((tx) -> {
			Message parent = null;
			for (int i = 0; i < 2500; i++) {
				parent = insert(c, parent, (i % 2 == 0) ? MessageRole.USER : MessageRole.ASSISTANT, i);
				chain.add(parent);
			}
		});
		// each longer than one recursive query may walk on MariaDB
		assertThat(this.history.branch(c.id(), chain.getLast().id(), null, 1200))
			.containsExactlyElementsOf(chain.subList(1300, 2500));
		assertThat(this.history.branch(c.id(), chain.get(1200).id(), null, 1200))
			.containsExactlyElementsOf(chain.subList(1, 1201));
		assertThat(this.history.branch(c.id(), chain.get(2000).id(), null, 1200))
			.containsExactlyElementsOf(chain.subList(801, 2001));
	}

	@Test
	void branchFindsItsWayPastTheSiblingsOfManyRegenerations() {
		Conversation c = newConversation();
		Message u1 = insert(c, null, MessageRole.USER, 0);
		Message a1 = insert(c, u1, MessageRole.ASSISTANT, 1);
		for (int i = 0; i < 40; i++) {
			insert(c, u1, MessageRole.ASSISTANT, 2 + i);
		}
		Message newest = insert(c, u1, MessageRole.ASSISTANT, 42);
		assertThat(this.history.branch(c.id(), a1.id(), null, 2)).containsExactly(u1, a1);
		assertThat(this.history.branch(c.id(), a1.id(), a1.createdAt(), 2)).containsExactly(a1);
		assertThat(this.history.branch(c.id(), newest.id(), null, 2)).containsExactly(u1, newest);
	}

	@Test
	void appendingAUserMessageTouchesTheConversationAndTitlesItOnce() {
		Conversation c = newConversation();
		Message first = this.history.appendUserMessage(c.id(), null,
				"\n  How do I make a very good sourdough bread at home without a starter kit?\nThanks");
		Conversation after = this.history.requireConversation(c.id());
		assertThat(after.title()).hasSize(AutoTitle.MAX_LENGTH).startsWith("How do I make a very good sourdough");
		assertThat(after.updatedAt()).isAfterOrEqualTo(first.createdAt()).isAfter(c.updatedAt());
		this.history.appendUserMessage(c.id(), first.id(), "Another question");
		assertThat(this.history.requireConversation(c.id()).title()).isEqualTo(after.title());
		assertThat(this.history.requireMessage(c.id(), first.id())).isEqualTo(first);
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.history.requireMessage(newConversation().id(), first.id()))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ConversationProblem.MESSAGE_NOT_FOUND));
	}

	@Test
	void checkpointUpdatesOnlyStreamingMessagesInOneBatch() {
		Conversation c = newConversation();
		Message user = this.history.appendUserMessage(c.id(), null, "hi");
		Message a = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "instance-a");
		Message b = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "instance-a");
		Message done = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "instance-a");
		assertThat(a.status()).isEqualTo(MessageStatus.STREAMING);
		this.history.finishAssistantMessage(done,
				new ReplyEnding("final", MessageStatus.COMPLETE, "stop", 3, 4, "m", "p", false));
		Map<UUID, String> partial = new HashMap<>();
		partial.put(a.id(), "Hel");
		partial.put(b.id(), "Wor");
		partial.put(done.id(), "overwritten?");
		this.history.checkpoint(partial);
		assertThat(this.history.requireMessage(c.id(), a.id()).content()).isEqualTo("Hel");
		assertThat(this.history.requireMessage(c.id(), b.id()).content()).isEqualTo("Wor");
		assertThat(this.history.requireMessage(c.id(), b.id()).updatedAt()).isAfterOrEqualTo(b.updatedAt());
		assertThat(this.history.requireMessage(c.id(), done.id()).content()).isEqualTo("final");
	}

	@Test
	void finishWritesTheEndStateAndTouchesTheConversation() {
		Conversation c = newConversation();
		Message user = this.history.appendUserMessage(c.id(), null, "hi");
		Message a = this.history.startAssistantMessage(c.id(), user.id(), "gpt-x", "openai", "instance-f");
		Instant touchedBefore = this.history.requireConversation(c.id()).updatedAt();
		Message returned = this.history
			.finishAssistantMessage(a,
					new ReplyEnding("Hello there", MessageStatus.STOPPED, "stop", 12, 2, "gpt-y", "backup", true))
			.orElseThrow();
		Message finished = this.history.requireMessage(c.id(), a.id());
		assertThat(returned).as("the message returned is the one stored").isEqualTo(finished);
		assertThat(finished)
			.extracting(Message::content, Message::status, Message::finishReason, Message::promptTokens,
					Message::completionTokens, Message::model, Message::provider, Message::cached)
			.containsExactly("Hello there", MessageStatus.STOPPED, "stop", 12, 2, "gpt-y", "backup", true);
		assertThat(instanceOf(a.id())).isNull();
		assertThat(this.history.requireConversation(c.id()).updatedAt()).isAfterOrEqualTo(touchedBefore)
			.isAfterOrEqualTo(finished.createdAt());

		// named under another conversation, a message is not touched
		Conversation other = newConversation();
		Message elsewhere = new Message(a.id(), other.id(), a.parentId(), a.role(), a.content(), a.status(), a.model(),
				a.provider(), null, null, null, false, a.createdAt(), a.updatedAt());
		assertThat(this.history.finishAssistantMessage(elsewhere,
				new ReplyEnding("hijacked", MessageStatus.COMPLETE, "stop", 1, 1, "m", "p", false)))
			.isEmpty();
		assertThat(this.history.requireMessage(c.id(), a.id()).content()).isEqualTo("Hello there");
	}

	@Test
	void interruptStreamingMarksOnlyThisInstancesMessages() {
		Conversation c = newConversation();
		Message user = this.history.appendUserMessage(c.id(), null, "hi");
		String mine = "instance-" + UUID.randomUUID();
		Message a = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", mine);
		Message other = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "other-" + UUID.randomUUID());
		this.history.checkpoint(Map.of(a.id(), "partial text"));
		List<Message> changed = this.history.interruptStreaming(mine);
		assertThat(changed).extracting(Message::id).containsExactly(a.id());
		assertThat(changed.get(0).content()).isEqualTo("partial text");
		assertThat(changed.get(0).status()).isEqualTo(MessageStatus.INTERRUPTED);
		Message interrupted = this.history.requireMessage(c.id(), a.id());
		assertThat(interrupted.status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(interrupted.content()).isEqualTo("partial text");
		assertThat(instanceOf(a.id())).isNull();
		assertThat(this.history.requireMessage(c.id(), other.id()).status()).isEqualTo(MessageStatus.STREAMING);
		assertThat(this.history.interruptStreaming(mine)).isEmpty();
	}

	@Test
	void interruptStaleMarksMessagesWhoseLeaseRanOut() throws InterruptedException {
		Conversation c = newConversation();
		Message user = this.history.appendUserMessage(c.id(), null, "hi");
		Message stale = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "gone");
		this.history.checkpoint(Map.of(stale.id(), "checkpointed"));
		Thread.sleep(5);
		Instant cutoff = Instant.now();
		Thread.sleep(5);
		Message fresh = this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "alive");
		List<Message> changed = this.history.interruptStale(cutoff);
		assertThat(changed).extracting(Message::id).contains(stale.id()).doesNotContain(fresh.id());
		assertThat(changed).filteredOn((m) -> m.id().equals(stale.id()))
			.singleElement()
			.extracting(Message::content)
			.isEqualTo("checkpointed");
		// A second instance racing the first gets nothing: each message is reported once.
		assertThat(this.history.interruptStale(cutoff)).extracting(Message::id).doesNotContain(stale.id());
		assertThat(this.history.requireMessage(c.id(), stale.id()).status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(this.history.requireMessage(c.id(), fresh.id()).status()).isEqualTo(MessageStatus.STREAMING);
		assertThat(this.history.requireMessage(c.id(), user.id()).status()).isEqualTo(MessageStatus.COMPLETE);
	}

	@Test
	void deletingAConversationDeletesItsMessages() {
		Conversation c = newConversation();
		Message user = this.history.appendUserMessage(c.id(), null, "hi");
		this.history.startAssistantMessage(c.id(), user.id(), "m", "p", "i");
		assertThat(countMessages(c.id())).isEqualTo(2);
		this.service.delete(c.id());
		assertThat(countMessages(c.id())).isZero();
		assertThat(this.conversations.find(c.id(), this.owner)).isEmpty();
		assertThat(this.published).containsExactly(new ConversationDeleted(c.id()));
	}

	@Test
	void contextIsReplacedAndClearedWithoutTouchingHistory() {
		Conversation c = newConversation();
		this.history.appendUserMessage(c.id(), null, "hi");
		List<PresetMessage> presets = List.of(new PresetMessage(MessageRole.USER, "Q \"quoted\" \u4f60\u597d"),
				new PresetMessage(MessageRole.ASSISTANT, "A"));
		Conversation replaced = this.service.replaceContext(c.id(),
				new ConversationRequests.Context("Be brief.", presets));
		assertThat(replaced.systemPrompt()).isEqualTo("Be brief.");
		assertThat(replaced.presetMessages()).isEqualTo(presets);
		Conversation cleared = this.service.clearContext(c.id());
		assertThat(cleared.contextStart()).isNotNull().isAfter(c.createdAt());
		assertThat(cleared.presetMessages()).isEqualTo(presets);
		assertThat(countMessages(c.id())).isEqualTo(1);
	}

	@Test
	void timestampsRoundTripExactlyWhateverTheJvmTimeZone() {
		TimeZone original = TimeZone.getDefault();
		try {
			List<Instant> instants = List.of(BASE, Instant.parse("2026-10-25T01:59:59.999999Z"),
					Instant.parse("1999-12-31T23:59:59.000001Z"), Instant.parse("2040-01-01T00:00:00Z"));
			List<UUID> saved = new ArrayList<>();
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
			for (Instant instant : instants) {
				// Active (last active in the future), so the stored context start is
				// read.
				Conversation c = Conversation.builder(this.ids.next(), this.owner)
					.contextStart(instant)
					.createdAt(instant)
					.lastActiveAt(instants.getLast())
					.build();
				this.conversations.insert(c);
				saved.add(c.id());
			}
			TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
			for (int i = 0; i < instants.size(); i++) {
				Conversation read = this.conversations.find(saved.get(i), this.owner).orElseThrow();
				assertThat(read.createdAt()).isEqualTo(instants.get(i));
				assertThat(read.updatedAt()).isEqualTo(instants.get(i));
				assertThat(read.contextStart()).isEqualTo(instants.get(i));
				assertThat(read.lastActiveAt()).isEqualTo(instants.getLast());
			}
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	private Conversation newConversation() {
		return this.service.create(null, null, null, null);
	}

	private Message insert(Conversation c, Message parent, MessageRole role, int second) {
		Instant at = BASE.plusSeconds(second);
		Message m = new Message(this.ids.next(), c.id(), (parent != null) ? parent.id() : null, role, "text " + second,
				MessageStatus.COMPLETE, null, null, null, null, null, false, at, at);
		this.messages.insert(m, null);
		return m;
	}

	private String instanceOf(UUID messageId) {
		return this.jdbc.sql("SELECT instance_id FROM messages WHERE id = ?")
			.param(messageId.toString())
			.query(String.class)
			.list()
			.getFirst();
	}

	private long countMessages(UUID conversationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM messages WHERE conversation_id = ?")
			.param(conversationId.toString())
			.query(Long.class)
			.single();
	}

}
