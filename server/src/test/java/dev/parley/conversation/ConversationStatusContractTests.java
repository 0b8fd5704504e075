package dev.parley.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;
import dev.parley.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's status as it is read, on each supported database: active, idle after
 * {@code idle-after} without a message, expired after {@code expire-after}, whatever the
 * stored status says; and what a message in an expired conversation does (it becomes
 * active again, with a context that starts at that message).
 */
@OnEachDatabase
class ConversationStatusContractTests {

	private static final ConversationProperties SETTINGS = new ConversationProperties(Duration.ofMinutes(30),
			Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(1), 500, ConversationProperties.Titles.defaults());

	@Parameter
	DatabaseServer database;

	private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final IdGenerator ids = new IdGenerator();

	private final String owner = "user-" + UUID.randomUUID();

	private JdbcClient jdbc;

	private GroupCommit groupCommit;

	private ConversationService service;

	private DefaultChatHistory history;

	@BeforeEach
	void open() {
		DataSource dataSource = this.database.dataSource();
		this.jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
		this.groupCommit = new GroupCommit(transactionManager, dataSource);
		ConversationRepository conversations = new ConversationRepository(this.jdbc,
				JsonConfiguration.storageJsonMapper(), new ConversationLifecycle(SETTINGS, this.clock));
		MessageRepository messages = new MessageRepository(this.jdbc, new JdbcTemplate(dataSource));
		this.service = new ConversationService(conversations, messages, () -> this.owner, this.ids, (event) -> {
		}, this.groupCommit, this.clock);
		this.history = new DefaultChatHistory(conversations, messages, () -> this.owner, this.ids,
				new TransactionTemplate(transactionManager), this.groupCommit, this.clock, (event) -> {
				});
	}

	@AfterEach
	void close() throws InterruptedException {
		this.groupCommit.destroy();
	}

	@Test
	void aConversationGoesIdleThenExpiresWithoutMessagesWhateverItsStoredStatus() {
		Conversation c = this.service.create("chat", null, null, null);
		assertThat(c.status()).isEqualTo(ConversationStatus.ACTIVE);
		assertThat(c.lastActiveAt()).isEqualTo(c.createdAt());
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(this.service.get(c.id()).status()).isEqualTo(ConversationStatus.ACTIVE);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.service.get(c.id()).status()).isEqualTo(ConversationStatus.IDLE);
		assertThat(this.service.list(10, null, false).items()).singleElement()
			.satisfies((listed) -> assertThat(listed.status()).isEqualTo(ConversationStatus.IDLE));
		this.clock.advance(Duration.ofHours(24));
		Conversation expired = this.history.requireConversation(c.id());
		assertThat(expired.status()).isEqualTo(ConversationStatus.EXPIRED);
		assertThat(storedStatus(c.id())).as("nothing stored it yet").isEqualTo("active");
		// The context starts when it expired: the model is given none of the history
		// before.
		assertThat(expired.contextStart()).isEqualTo(c.lastActiveAt().plus(Duration.ofHours(24)));
	}

	@Test
	void renamingPinningOrEditingTheContextIsNotActivity() {
		Conversation c = this.service.create("chat", null, null, null);
		this.clock.advance(Duration.ofMinutes(45));
		this.service.update(c.id(), new ConversationRequests.Update("renamed", true, null));
		this.service.replaceContext(c.id(), new ConversationRequests.Context("Be brief.", List.of()));
		Conversation read = this.service.get(c.id());
		assertThat(read.title()).isEqualTo("renamed");
		assertThat(read.status()).isEqualTo(ConversationStatus.IDLE);
		assertThat(read.lastActiveAt()).isEqualTo(c.lastActiveAt());
		assertThat(read.updatedAt()).isAfter(c.updatedAt());
	}

	@Test
	void aMessageInAnIdleConversationMakesItActiveAndKeepsItsContext() {
		Conversation c = this.service.create("chat", null, null, null);
		Message first = this.history.appendUserMessage(c.id(), null, "first");
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.service.get(c.id()).status()).isEqualTo(ConversationStatus.IDLE);
		Message second = this.history.appendUserMessage(c.id(), first.id(), "second");
		Conversation read = this.service.get(c.id());
		assertThat(read.status()).isEqualTo(ConversationStatus.ACTIVE);
		assertThat(read.lastActiveAt()).isEqualTo(second.createdAt());
		assertThat(read.contextStart()).isNull();
		assertThat(this.history.branch(c.id(), second.id(), read.contextStart(), 100)).containsExactly(first, second);
	}

	@Test
	void aMessageInAnExpiredConversationReopensItWithAFreshContextAndKeepsTheHistory() {
		Conversation c = this.service.create("chat", null, "Be kind.", null);
		Message first = this.history.appendUserMessage(c.id(), null, "before expiry");
		this.clock.advance(Duration.ofHours(25));
		Conversation expired = this.history.requireConversation(c.id());
		assertThat(expired.status()).isEqualTo(ConversationStatus.EXPIRED);
		// What the chat feature asks for the context of a new message after the newest
		// one.
		assertThat(this.history.branch(c.id(), first.id(), expired.contextStart(), 100)).isEmpty();

		Message reopening = this.history.appendUserMessage(c.id(), first.id(), "after expiry");
		Conversation reopened = this.history.requireConversation(c.id());
		assertThat(reopened.status()).isEqualTo(ConversationStatus.ACTIVE);
		assertThat(storedStatus(c.id())).isEqualTo("active");
		assertThat(reopened.contextStart()).isEqualTo(reopening.createdAt());
		assertThat(reopened.systemPrompt()).isEqualTo("Be kind.");
		assertThat(this.history.branch(c.id(), reopening.id(), reopened.contextStart(), 100))
			.containsExactly(reopening);
		// The history stays readable, and later messages keep the new context.
		assertThat(this.service.messages(c.id(), 10, null).items()).extracting(Message::content)
			.containsExactly("after expiry", "before expiry");
		this.clock.advance(Duration.ofMinutes(1));
		Message next = this.history.appendUserMessage(c.id(), reopening.id(), "next");
		Conversation later = this.history.requireConversation(c.id());
		assertThat(later.contextStart()).isEqualTo(reopening.createdAt());
		assertThat(this.history.branch(c.id(), next.id(), later.contextStart(), 100)).containsExactly(reopening, next);
	}

	@Test
	void aContextClearedAfterTheExpiryStartsWhereItWasCleared() {
		Conversation c = this.service.create("chat", null, null, null);
		this.history.appendUserMessage(c.id(), null, "hello");
		this.clock.advance(Duration.ofHours(30));
		Conversation cleared = this.service.clearContext(c.id());
		assertThat(cleared.status()).as("clearing the context is not activity").isEqualTo(ConversationStatus.EXPIRED);
		assertThat(cleared.contextStart()).isEqualTo(this.clock.instant());
	}

	private String storedStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM conversations WHERE id = ?")
			.param(id.toString())
			.query(String.class)
			.single();
	}

}
