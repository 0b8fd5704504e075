package dev.parley.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Parley conversations for the streams, created before the measured phases. Parley allows
 * one generation per conversation, so each concurrent stream takes its own; a released
 * conversation goes to the back of the queue so it is reused as late as possible.
 */
final class ConversationPool {

	private final HttpClient client;

	private final JsonMapper json;

	private final URI create;

	private final ConcurrentLinkedQueue<String> free = new ConcurrentLinkedQueue<>();

	private final LongAdder createdDuringRun = new LongAdder();

	private final String authorization;

	ConversationPool(HttpClient client, JsonMapper json, URI parleyBase, String parleyKey) {
		this.client = client;
		this.authorization = "Bearer " + parleyKey;
		this.json = json;
		this.create = URI.create(DirectTarget.trimSlash(parleyBase.toString()) + "/api/v1/conversations");
	}

	/**
	 * Creates conversations until the pool holds {@code size}, with bounded parallelism
	 * and time.
	 * @return how many could not be created
	 */
	int fill(int size, int parallelism, Duration timeout) throws InterruptedException {
		AtomicInteger remaining = new AtomicInteger(size - this.free.size());
		long deadline = System.nanoTime() + timeout.toNanos();
		ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
		for (int w = 0; w < parallelism; w++) {
			workers.execute(() -> {
				while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
					try {
						this.free.add(create());
					}
					catch (IOException | RuntimeException ex) {
						// counted by the caller as the shortfall
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}
		workers.shutdown();
		if (!workers.awaitTermination(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
			workers.shutdownNow();
		}
		return Math.max(0, size - this.free.size());
	}

	/**
	 * Takes a free conversation, creating one if none is free (counted, as it adds
	 * latency).
	 */
	String acquire() throws IOException, InterruptedException {
		String id = this.free.poll();
		if (id != null) {
			return id;
		}
		this.createdDuringRun.increment();
		return create();
	}

	void release(String id) {
		this.free.offer(id);
	}

	int size() {
		return this.free.size();
	}

	/** Conversations that had to be created while streams were running. */
	long createdDuringRun() {
		return this.createdDuringRun.sum();
	}

	private String create() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.create)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", this.authorization)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201 && response.statusCode() != 200) {
			throw new HttpStatusException(response.statusCode(), "creating a conversation: " + response.body());
		}
		String id = this.json.readTree(response.body()).path("id").asString("");
		if (id.isEmpty()) {
			throw new IOException("conversation created without an id: " + response.body());
		}
		return id;
	}

}
