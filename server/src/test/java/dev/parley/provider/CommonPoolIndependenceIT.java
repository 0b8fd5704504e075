package dev.parley.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply is answered while every thread of the common fork-join pool is busy: the
 * upstream call does not wait for that pool (the JDK client's {@code sendAsync} completed
 * its future through it, so blocking work elsewhere in the process, a cache's database
 * refresh or a library's parallel stream, held back every provider call).
 */
class CommonPoolIndependenceIT extends WholeAppTestBase {

	@Test
	void aReplyIsAnsweredWhileTheCommonPoolIsBusy() throws InterruptedException {
		String conversation = createConversation();
		int threads = ForkJoinPool.getCommonPoolParallelism();
		CountDownLatch occupied = new CountDownLatch(threads);
		CountDownLatch release = new CountDownLatch(1);
		List<Future<?>> blockers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			blockers.add(ForkJoinPool.commonPool().submit(() -> {
				occupied.countDown();
				await(release);
			}));
		}
		try {
			assertThat(occupied.await(30, TimeUnit.SECONDS)).as("every thread of the common pool busy").isTrue();
			// Before, this call waited until the pool was free again: the test's client
			// timeout (60 s) failed it.
			Response reply = sendMessage(conversation, message("Hello", "sim?tokens=3"));
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.text("/assistant_message/status")).isEqualTo("complete");
		}
		finally {
			release.countDown();
			blockers.forEach((blocker) -> blocker.cancel(false));
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
