package dev.parley.testsupport;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.parley.platform.cluster.RedisConfiguration;
import dev.parley.platform.cluster.RedisLink;

/**
 * Redis links and clients made the way Parley makes them, one per simulated instance, all
 * closed by {@link #close()} (newest first).
 */
public final class TestRedisLinks implements AutoCloseable {

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisLink> links = new ArrayList<>();

	/** A started link to {@code url}, as one instance has. */
	public RedisLink link(String url) {
		return link(url, new SimpleMeterRegistry());
	}

	/** A started link to {@code url} whose gauge goes to {@code registry}. */
	public RedisLink link(String url, MeterRegistry registry) {
		RedisLink link = new RedisLink(client(url), registry);
		link.start();
		this.links.add(link);
		return link;
	}

	/** A client with Parley's options, for connections of the test's own. */
	public RedisClient client(String url) {
		RedisClient client = RedisConfiguration.createClient(url);
		this.clients.add(client);
		return client;
	}

	@Override
	public void close() {
		this.links.reversed().forEach(RedisLink::close);
		this.clients.reversed().forEach(RedisClient::shutdown);
	}

}
