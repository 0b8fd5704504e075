package dev.parley.platform.timer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's timers on a real thread: turns, failures, triggers, stop and restart. */
class TimersTests {

	private final Timers timers = new Timers("timers-test");

	@AfterEach
	void stop() {
		this.timers.stop(Duration.ofSeconds(5));
	}

	@Test
	void aJobThatThrowsRunsAgainAtItsNextTurn() {
		AtomicInteger runs = new AtomicInteger();
		this.timers.every(Duration.ZERO, Duration.ofMillis(10), () -> {
			runs.incrementAndGet();
			throw new IllegalStateException("the database is down");
		});
		this.timers.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
	}

	@Test
	void pullsMadeWhileTheThreadIsBusyAreOneRun() throws Exception {
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger triggered = new AtomicInteger();
		Timers.Trigger blocker = this.timers.trigger(() -> {
			busy.countDown();
			await(release);
		});
		Timers.Trigger counted = this.timers.trigger(triggered::incrementAndGet);
		this.timers.start();
		blocker.pull();
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 5; i++) {
			counted.pull();
		}
		release.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> triggered.get() == 1);
		counted.pull();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> triggered.get() == 2);
	}

	@Test
	void aStoppedTimersRunNothingUntilStartedAgain() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		this.timers.every(Duration.ZERO, Duration.ofMillis(10), runs::incrementAndGet);
		Timers.Trigger trigger = this.timers.trigger(runs::incrementAndGet);
		trigger.pull();
		assertThat(this.timers.running()).isFalse();
		this.timers.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 1);
		this.timers.stop(Duration.ofSeconds(5));
		assertThat(this.timers.running()).isFalse();
		int stoppedAt = runs.get();
		trigger.pull();
		Thread.sleep(100);
		assertThat(runs.get()).isEqualTo(stoppedAt);
		this.timers.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > stoppedAt);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
