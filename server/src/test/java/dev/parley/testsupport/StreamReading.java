package dev.parley.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.parley.bench.sim.Simulator;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading a provider's {@link CompletionStream} the way the protocol adapter tests do: to
 * its end, to the failure that ends it, or while it is cancelled from outside; and
 * waiting until the simulator saw its streams end.
 */
public final class StreamReading {

	private StreamReading() {
	}

	/**
	 * What a stream gave before it ended.
	 *
	 * @param deltas the text deltas, in order
	 * @param last the event after them (a finish)
	 */
	public record Read(List<String> deltas, StreamEvent last) {

		/** The deltas joined. */
		public String text() {
			return String.join("", this.deltas);
		}

	}

	/**
	 * What a stream gave before it failed.
	 *
	 * @param deltas the text deltas before the failure, in order
	 * @param exception the failure
	 */
	public record Failed(List<String> deltas, ProviderException exception) {

		/** The deltas joined. */
		public String text() {
			return String.join("", this.deltas);
		}

		/** How the stream failed. */
		public ProviderFailure failure() {
			return this.exception.failure();
		}

	}

	/** Reads {@code stream} to its first event that is not a delta, then closes it. */
	public static Read read(CompletionStream stream) {
		List<String> deltas = new ArrayList<>();
		try (stream) {
			StreamEvent event = stream.next();
			while (event instanceof StreamEvent.Delta delta) {
				deltas.add(delta.text());
				event = stream.next();
			}
			return new Read(deltas, event);
		}
	}

	/** Reads {@code stream} to its end and returns the event that ended it. */
	public static StreamEvent drain(CompletionStream stream) {
		return read(stream).last();
	}

	/**
	 * Opens a stream and reads it until it fails, as it must.
	 * @param open starts the stream (may fail itself)
	 */
	public static Failed readUntilFailure(Supplier<CompletionStream> open) {
		List<String> deltas = new ArrayList<>();
		ProviderException failure = catchThrowableOfType(ProviderException.class, () -> {
			try (CompletionStream stream = open.get()) {
				while (stream.next() instanceof StreamEvent.Delta delta) {
					deltas.add(delta.text());
				}
			}
		});
		assertThat(failure).as("the provider failure that ends the stream").isNotNull();
		return new Failed(deltas, failure);
	}

	/**
	 * Closes {@code stream} from another thread 100 ms into a blocking read, and asserts
	 * that the read ends CANCELLED within {@code within}, and so does every read after.
	 */
	public static void assertCloseCancels(CompletionStream stream, Duration within) throws InterruptedException {
		Thread closer = Thread.ofVirtual().start(() -> {
			sleep(100);
			stream.close();
		});
		long start = System.nanoTime();
		assertThatThrownBy(() -> {
			while (true) {
				stream.next();
			}
		}).isInstanceOfSatisfying(ProviderException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.CANCELLED));
		closer.join();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
		assertThatThrownBy(stream::next).isInstanceOfSatisfying(ProviderException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.CANCELLED));
	}

	/**
	 * Interrupts a thread reading {@code stream} 150 ms in, and asserts that its read
	 * ended CANCELLED (waiting up to {@code joinMillis} for it).
	 */
	public static void assertInterruptCancels(CompletionStream stream, long joinMillis) throws InterruptedException {
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread reader = Thread.ofVirtual().start(() -> {
			try {
				while (true) {
					stream.next();
				}
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
			}
		});
		sleep(150);
		reader.interrupt();
		reader.join(joinMillis);

		assertThat(thrown.get()).isInstanceOfSatisfying(ProviderException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(ProviderFailure.CANCELLED));
	}

	/** Waits up to 5 s until {@code sim} has no open stream, and asserts it has none. */
	public static void awaitNoActiveStreams(Simulator sim) {
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (sim.activeStreams() > 0 && System.nanoTime() < end) {
			sleep(20);
		}
		assertThat(sim.activeStreams()).isZero();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
