package dev.parley.realtime.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import dev.parley.platform.Digests;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time tickets against a real database (migrated with the real scripts), on each
 * supported server: a ticket is taken once, even by instances racing for it, and never
 * after it expired.
 */
@OnEachDatabase
class TicketStoreContractTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final IdGenerator ids = new IdGenerator();

	@Parameter
	DatabaseServer database;

	@Test
	void aTicketIsTakenOnceWithWhoItStandsFor() {
		TicketStore store = new TicketStore(this.database.jdbc());
		TicketStore.Holder holder = new TicketStore.Holder(user(), this.ids.next().toString(), null);
		String digest = digest();
		store.insert(digest, holder, NOW.plusSeconds(30));

		assertThat(store.take(digest, NOW)).contains(holder);
		assertThat(store.take(digest, NOW)).isEmpty();
		assertThat(store.take(digest(), NOW)).isEmpty();
	}

	@Test
	void anExpiredTicketIsNotTakenAndIsCleanedUp() {
		TicketStore store = new TicketStore(this.database.jdbc());
		String user = user();
		String expired = digest();
		String valid = digest();
		store.insert(expired, new TicketStore.Holder(user, null, this.ids.next().toString()), NOW.minusSeconds(1));
		store.insert(valid, new TicketStore.Holder(user, null, this.ids.next().toString()), NOW.plusSeconds(30));

		assertThat(store.take(expired, NOW)).isEmpty();
		assertThat(store.deleteExpired(NOW)).isGreaterThanOrEqualTo(1);
		assertThat(count(expired)).isZero();
		assertThat(count(valid)).isOne();
	}

	@Test
	void ofInstancesRacingForATicketExactlyOneGetsIt() throws Exception {
		TicketStore store = new TicketStore(this.database.jdbc());
		TicketStore.Holder holder = new TicketStore.Holder(user(), this.ids.next().toString(), null);
		String digest = digest();
		store.insert(digest, holder, NOW.plusSeconds(30));
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Callable<Optional<TicketStore.Holder>>> takes = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				takes.add(() -> {
					start.await();
					return new TicketStore(this.database.jdbc()).take(digest, NOW);
				});
			}
			List<Future<Optional<TicketStore.Holder>>> results = new ArrayList<>();
			for (Callable<Optional<TicketStore.Holder>> take : takes) {
				results.add(pool.submit(take));
			}
			start.countDown();
			int won = 0;
			for (Future<Optional<TicketStore.Holder>> result : results) {
				if (result.get(60, TimeUnit.SECONDS).isPresent()) {
					won++;
				}
			}
			assertThat(won).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long count(String digest) {
		return this.database.jdbc()
			.sql("SELECT COUNT(*) FROM realtime_tickets WHERE digest = ?")
			.param(digest)
			.query(Long.class)
			.single();
	}

	private String digest() {
		return Digests.sha256Hex(this.ids.next().toString());
	}

	private String user() {
		String id = this.ids.next().toString();
		this.database.jdbc()
			.sql("INSERT INTO users (id, email, display_name, password_hash, role, status, created_at, updated_at)"
					+ " VALUES (?, ?, 'U', 'x', 'user', 'active', ?, ?)")
			.params(id, id + "@example.com", Jdbc.param(Instant.now()), Jdbc.param(Instant.now()))
			.update();
		return id;
	}

}
