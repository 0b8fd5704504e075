package dev.parley.identity.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import dev.parley.testsupport.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of quota overrides: precedence, a change applied at once here, a refresh that
 * keeps the cached values while the database is away, and the defaults for a user never
 * read.
 */
class QuotaOverridesTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private static final LimitProperties DEFAULTS = new LimitProperties(120, 60, 30, 200_000, 5, 20,
			Duration.ofMinutes(15));

	private final FakeRepository repository = new FakeRepository();

	private final QuotaOverrides overrides = new QuotaOverrides(this.repository, DEFAULTS, null, Duration.ofMillis(50));

	@Test
	void theUsersOverrideWinsOverTheRolesWhichWinsOverTheDefaults() {
		assertThat(this.overrides.tokensPerDay("ann")).isEqualTo(200_000);
		assertThat(this.overrides.requests(caller("ann", null)).capacity()).isEqualTo(120);
		assertThat(this.overrides.requests(caller("ann", "key")).capacity()).isEqualTo(60);

		this.repository.roles.put(Role.USER, new QuotaOverride(1000L, 10L, NOW));
		this.overrides.changed(QuotaOverrides.ROLES);
		assertThat(this.overrides.tokensPerDay("ann")).isEqualTo(1000);
		assertThat(this.overrides.requests(caller("ann", null)).capacity()).isEqualTo(10);
		assertThat(this.overrides.requests(caller("ann", "key")).capacity()).isEqualTo(10);

		this.repository.user = new QuotaOverride(0L, null, NOW);
		this.overrides.changed("ann");
		assertThat(this.overrides.tokensPerDay("ann")).isZero();
		assertThat(this.overrides.requests(caller("ann", null)).capacity()).isEqualTo(10);
		assertThat(this.overrides.requests(caller("ann", "key")).name()).isEqualTo("api_key");
	}

	@Test
	void cachedOverridesKeepWorkingWhileTheDatabaseIsAway() throws InterruptedException {
		this.repository.user = new QuotaOverride(42L, 7L, NOW);
		assertThat(this.overrides.tokensPerDay("ann")).isEqualTo(42);
		this.repository.down.set(true);
		int before = this.repository.failures.get();
		Eventually.eventually("a refresh was tried").until(() -> {
			this.overrides.tokensPerDay("ann");
			return this.repository.failures.get() > before;
		});
		assertThat(this.overrides.tokensPerDay("ann")).isEqualTo(42);
		assertThat(this.overrides.requests(caller("ann", null)).capacity()).isEqualTo(7);
		// A user never read gets the defaults, and is not remembered as such.
		assertThat(this.overrides.tokensPerDay("bob")).isEqualTo(200_000);
		this.repository.down.set(false);
		this.repository.user = new QuotaOverride(43L, null, NOW);
		Eventually.eventually("the refresh reads the database again")
			.until(() -> this.overrides.tokensPerDay("ann") == 43);
		assertThat(this.overrides.tokensPerDay("bob")).isEqualTo(43);
	}

	private static AuthenticatedUser caller(String id, String apiKeyId) {
		return new AuthenticatedUser(id, id + "@example.com", Role.USER, (apiKeyId != null) ? null : "session",
				apiKeyId, Set.of(), false);
	}

	/**
	 * Overrides in memory, one for every user, with a switch that breaks the database.
	 */
	private static final class FakeRepository extends QuotaOverrideRepository {

		final Map<Role, QuotaOverride> roles = new EnumMap<>(Role.class);

		volatile QuotaOverride user;

		final AtomicBoolean down = new AtomicBoolean();

		final AtomicInteger failures = new AtomicInteger();

		FakeRepository() {
			super(null);
		}

		@Override
		Map<Role, QuotaOverride> roles() {
			check();
			return Map.copyOf(this.roles);
		}

		@Override
		Optional<UserQuota> user(String userId) {
			check();
			return Optional.of(new UserQuota(Role.USER, this.user));
		}

		private void check() {
			if (this.down.get()) {
				this.failures.incrementAndGet();
				throw new DataAccessResourceFailureException("database away");
			}
		}

	}

}
