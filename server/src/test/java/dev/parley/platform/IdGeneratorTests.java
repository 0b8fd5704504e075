package dev.parley.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids are UUIDv7, unique and, per caller, strictly increasing, also when many callers
 * take them at once and a millisecond holds more ids than its counter.
 */
class IdGeneratorTests {

	private final IdGenerator ids = new IdGenerator();

	@Test
	void idsTakenAtOnceAreUniqueAndIncreasePerCaller() throws Exception {
		List<Future<List<UUID>>> callers = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 16; i++) {
				callers.add(pool.submit(() -> {
					List<UUID> taken = new ArrayList<>();
					for (int n = 0; n < 20_000; n++) {
						taken.add(this.ids.next());
					}
					return taken;
				}));
			}
			Set<UUID> all = new HashSet<>();
			for (Future<List<UUID>> caller : callers) {
				List<UUID> taken = caller.get();
				for (int n = 1; n < taken.size(); n++) {
					assertThat(taken.get(n)).isGreaterThan(taken.get(n - 1));
				}
				all.addAll(taken);
			}
			assertThat(all).hasSize(16 * 20_000);
		}
	}

	@Test
	void idsAreVersionSevenWithTheirTimeInFront() {
		long before = System.currentTimeMillis();
		UUID id = this.ids.next();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis() + 1);
	}

}
