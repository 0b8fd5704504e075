package dev.parley.bench.driver;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few JDK HTTP/1.1 clients, used in turn by the streams' virtual threads. Two choices
 * keep the driver cheap (it shares the cores with Parley and the simulator), both
 * measured at 1,000 streams: each client runs its internal tasks on the thread that
 * triggers them (its selector thread or the calling virtual thread) instead of handing
 * every chunk to another executor, since the stream subscriber never blocks (0.43 instead
 * of 0.56 core); and there are two clients, because taking a pooled connection scans a
 * client's idle list linearly while each extra client adds a selector thread (eight
 * clients cost about 30% more than two).
 */
final class ClientGroup {

	private final HttpClient[] clients;

	private final AtomicInteger next = new AtomicInteger();

	private ClientGroup(HttpClient[] clients) {
		this.clients = clients;
	}

	static ClientGroup create(int size) {
		HttpClient[] clients = new HttpClient[size];
		for (int i = 0; i < size; i++) {
			clients[i] = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.executor(Runnable::run)
				.build();
		}
		return new ClientGroup(clients);
	}

	/** The next client in turn. */
	HttpClient next() {
		return this.clients[Math.floorMod(this.next.getAndIncrement(), this.clients.length)];
	}

}
