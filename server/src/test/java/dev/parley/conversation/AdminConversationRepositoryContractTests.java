package dev.parley.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;
import dev.parley.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' conversation list on each supported database: most recently active
 * first, paged without gaps or repeats, searched by title or owner e-mail (case
 * insensitive, wildcards taken literally), filtered by owner, with the owner's e-mail and
 * name (null for an owner no longer there).
 */
@OnEachDatabase
class AdminConversationRepositoryContractTests {

	private static final ConversationProperties SETTINGS = new ConversationProperties(Duration.ofMinutes(30),
			Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(1), 500, ConversationProperties.Titles.defaults());

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	@Parameter
	DatabaseServer database;

	private final IdGenerator ids = new IdGenerator();

	@Test
	void pagesMostRecentlyActiveFirstWithTheOwner() {
		AdminConversationRepository repository = repository();
		String email = "owner-" + UUID.randomUUID() + "@example.com";
		String owner = user(email);
		UUID oldest = conversation(owner, "first", START);
		UUID middle = conversation(owner, "second", START.plusSeconds(60));
		UUID newest = conversation(owner, "third", START.plusSeconds(120));
		UUID tie = conversation(owner, "tie", START.plusSeconds(60));

		// Ties on the activity are in id order, descending.
		boolean tieFirst = tie.toString().compareTo(middle.toString()) > 0;
		List<AdminConversationRepository.Owned> first = repository.page(null, owner, null, 2);
		assertThat(first).extracting((owned) -> owned.conversation().id())
			.containsExactly(newest, tieFirst ? tie : middle);
		assertThat(first.getFirst().ownerEmail()).isEqualTo(email);
		assertThat(first.getFirst().ownerName()).isEqualTo("Owner");
		List<AdminConversationRepository.Owned> rest = repository.page(null, owner,
				AdminConversationCursor.after(first.getLast().conversation()), 10);
		assertThat(rest).extracting((owned) -> owned.conversation().id())
			.containsExactly(tieFirst ? middle : tie, oldest);
		assertThat(repository.find(middle)).hasValueSatisfying((owned) -> {
			assertThat(owned.conversation().title()).isEqualTo("second");
			assertThat(owned.conversation().ownerId()).isEqualTo(owner);
		});
		assertThat(repository.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void searchesTitlesAndOwnerEmailsCaseInsensitively() {
		AdminConversationRepository repository = repository();
		String token = UUID.randomUUID().toString().substring(0, 8);
		String ann = user("ann-" + token + "@example.com");
		String bob = user("bob-" + token + "@example.com");
		UUID annTrip = conversation(ann, "Trip to Lisbon", START);
		UUID bobTrip = conversation(bob, "Lisbon " + token.toUpperCase(), START.plusSeconds(1));
		UUID bobOther = conversation(bob, "Taxes 100%", START.plusSeconds(2));

		assertThat(repository.page(token, null, null, 10)).extracting((owned) -> owned.conversation().id())
			.containsExactly(bobOther, bobTrip, annTrip);
		assertThat(repository.page("ANN-" + token, null, null, 10)).extracting((owned) -> owned.conversation().id())
			.containsExactly(annTrip);
		assertThat(repository.page("lisbon " + token, null, null, 10)).extracting((owned) -> owned.conversation().id())
			.containsExactly(bobTrip);
		assertThat(repository.page("lisbon", bob, null, 10)).extracting((owned) -> owned.conversation().id())
			.containsExactly(bobTrip);
		assertThat(repository.page("100%", bob, null, 10)).extracting((owned) -> owned.conversation().id())
			.containsExactly(bobOther);
		assertThat(repository.page("1_0", bob, null, 10)).isEmpty();
	}

	@Test
	void anOwnerNoLongerThereHasNoEmail() {
		AdminConversationRepository repository = repository();
		String gone = UUID.randomUUID().toString();
		UUID orphan = conversation(gone, "orphan", START);
		assertThat(repository.page(null, gone, null, 10)).singleElement().satisfies((owned) -> {
			assertThat(owned.conversation().id()).isEqualTo(orphan);
			assertThat(owned.ownerEmail()).isNull();
		});
	}

	private AdminConversationRepository repository() {
		return new AdminConversationRepository(this.database.jdbc(), conversations());
	}

	private ConversationRepository conversations() {
		return new ConversationRepository(this.database.jdbc(), JsonConfiguration.storageJsonMapper(),
				new ConversationLifecycle(SETTINGS, new SettableClock(START)));
	}

	private UUID conversation(String owner, String title, Instant lastActiveAt) {
		UUID id = this.ids.next();
		conversations().insert(Conversation.builder(id, owner).title(title).createdAt(lastActiveAt).build());
		return id;
	}

	private String user(String email) {
		String id = UUID.randomUUID().toString();
		LocalDateTime now = LocalDateTime.ofInstant(START, ZoneOffset.UTC);
		this.database.jdbc()
			.sql("INSERT INTO users (id, email, display_name, password_hash, role, status, "
					+ "password_change_required, created_at, updated_at) VALUES (?, ?, 'Owner', 'x', 'user', "
					+ "'active', FALSE, ?, ?)")
			.params(id, email.toLowerCase(), now, now)
			.update();
		return id;
	}

}
