package dev.parley.identity.limit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import dev.parley.identity.Role;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota overrides against a real database (migrated with the real scripts), run on each
 * supported server: set replaces, null fields stay null, clear removes, a user's override
 * goes with the user, and the list is by e-mail address, paged.
 */
@OnEachDatabase
class QuotaOverrideRepositoryContractTests {

	private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123456Z");

	@Parameter
	DatabaseServer database;

	@Test
	void aRoleOverrideIsSetReplacedAndCleared() {
		QuotaOverrideRepository repository = new QuotaOverrideRepository(this.database.jdbc());
		repository.clearRole(Role.AGENT);
		repository.setRole(Role.AGENT, 5000L, null, NOW);
		assertThat(repository.roles().get(Role.AGENT)).isEqualTo(new QuotaOverride(5000L, null, NOW));
		repository.setRole(Role.AGENT, null, 0L, NOW.plusSeconds(1));
		assertThat(repository.roles().get(Role.AGENT)).isEqualTo(new QuotaOverride(null, 0L, NOW.plusSeconds(1)));
		assertThat(repository.clearRole(Role.AGENT)).isTrue();
		assertThat(repository.clearRole(Role.AGENT)).isFalse();
		assertThat(repository.roles()).doesNotContainKey(Role.AGENT);
	}

	@Test
	void aUsersOverrideComesWithTheirRoleAndGoesWithTheUser() {
		QuotaOverrideRepository repository = new QuotaOverrideRepository(this.database.jdbc());
		String user = user("quota-" + UUID.randomUUID() + "@example.com", "agent");
		assertThat(repository.user(user)).hasValue(new QuotaOverrideRepository.UserQuota(Role.AGENT, null));
		assertThat(repository.user(UUID.randomUUID().toString())).isEmpty();
		repository.setUser(user, 1_000_000_000L, 1_000_000L, NOW);
		repository.setUser(user, 7L, null, NOW);
		assertThat(repository.user(user))
			.hasValue(new QuotaOverrideRepository.UserQuota(Role.AGENT, new QuotaOverride(7L, null, NOW)));
		assertThat(repository.clearUser(user)).isTrue();
		assertThat(repository.user(user).orElseThrow().override()).isNull();
		repository.setUser(user, 1L, 1L, NOW);
		this.database.jdbc().sql("DELETE FROM users WHERE id = ?").param(user).update();
		assertThat(this.database.jdbc()
			.sql("SELECT COUNT(*) FROM quota_user_overrides WHERE user_id = ?")
			.param(user)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void usersWithAnOverrideAreListedByEmailInPages() {
		QuotaOverrideRepository repository = new QuotaOverrideRepository(this.database.jdbc());
		// A prefix after every other test's addresses, so that the pages end with these.
		String prefix = "zz" + UUID.randomUUID().toString().substring(0, 8);
		String carol = user(prefix + "-carol@example.com", "user");
		String ann = user(prefix + "-ann@example.com", "user");
		String bob = user(prefix + "-bob@example.com", "admin");
		user(prefix + "-dave@example.com", "user");
		for (String id : List.of(carol, ann, bob)) {
			repository.setUser(id, 10L, null, NOW);
		}
		List<QuotaOverrideRepository.UserOverride> first = repository.users(prefix, 2);
		assertThat(first).extracting(QuotaOverrideRepository.UserOverride::userId).containsExactly(ann, bob);
		assertThat(first.getFirst().displayName()).isEqualTo("Name");
		assertThat(first.getFirst().override()).isEqualTo(new QuotaOverride(10L, null, NOW));
		assertThat(repository.users(first.getLast().email(), 2))
			.extracting(QuotaOverrideRepository.UserOverride::userId)
			.containsExactly(carol);
	}

	private String user(String email, String role) {
		String id = UUID.randomUUID().toString();
		LocalDateTime now = LocalDateTime.ofInstant(NOW.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
		this.database.jdbc()
			.sql("INSERT INTO users (id, email, display_name, password_hash, role, status, "
					+ "password_change_required, created_at, updated_at) VALUES (?, ?, 'Name', 'x', ?, 'active', "
					+ "FALSE, ?, ?)")
			.params(id, email, role, now, now)
			.update();
		return id;
	}

}
