package dev.parley.chat.cluster;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.TestRedisLinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversation locks on a real Redis, each lock object standing for one instance: one
 * holder at a time, renewed and released only by its holder, lapsing when the holder
 * stops renewing; decided by each instance alone while Redis is away.
 */
class RedisConversationLocksTests {

	private static final Duration LEASE = Duration.ofSeconds(10);

	private final TestRedisLinks redis = new TestRedisLinks();

	private final UUID conversation = UUID.randomUUID();

	@BeforeEach
	void requireRedis() {
		TestRedis.require();
	}

	@AfterEach
	void shutDown() {
		this.redis.close();
	}

	@Test
	void oneHolderAcrossInstancesAndOnlyTheHolderRenewsOrReleases() {
		RedisConversationLocks a = locks(TestRedis.URL);
		RedisConversationLocks b = locks(TestRedis.URL);
		assertThat(a.tryAcquire(this.conversation, "a", LEASE)).isTrue();
		assertThat(b.tryAcquire(this.conversation, "b", LEASE)).isFalse();
		assertThat(b.renew(this.conversation, "b", LEASE)).isFalse();
		b.release(this.conversation, "b");
		assertThat(b.tryAcquire(this.conversation, "b", LEASE)).as("b's release did not free a's lock").isFalse();
		assertThat(a.renew(this.conversation, "a", LEASE)).isTrue();
		a.release(this.conversation, "a");
		assertThat(b.tryAcquire(this.conversation, "b", LEASE)).isTrue();
		b.release(this.conversation, "b");
	}

	@Test
	void aLeaseThatIsNotRenewedLapses() {
		RedisConversationLocks a = locks(TestRedis.URL);
		RedisConversationLocks b = locks(TestRedis.URL);
		assertThat(a.tryAcquire(this.conversation, "a", Duration.ofMillis(500))).isTrue();
		assertThat(b.tryAcquire(this.conversation, "b", LEASE)).isFalse();
		Eventually.eventually("the dead holder's lease lapses")
			.until(() -> b.tryAcquire(this.conversation, "b", LEASE));
		assertThat(a.renew(this.conversation, "a", LEASE)).as("a lost it").isFalse();
	}

	@Test
	void eachInstanceDecidesAloneWhileRedisIsAway() throws Exception {
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			RedisLink link = link("redis://127.0.0.1:" + proxy.port());
			RedisConversationLocks a = new RedisConversationLocks(link);
			proxy.stop();
			Eventually.eventually("the link notices Redis is away").until(() -> !link.up());
			assertThat(a.tryAcquire(this.conversation, "a", LEASE)).isTrue();
			assertThat(a.tryAcquire(this.conversation, "a2", LEASE)).as("still one per conversation here").isFalse();
			assertThat(a.renew(this.conversation, "a", LEASE)).isTrue();

			proxy.start();
			Eventually.eventually("the link is back").until(link::up);
			// Held here until released, then shared again.
			assertThat(a.renew(this.conversation, "a", LEASE)).isTrue();
			a.release(this.conversation, "a");
			RedisConversationLocks b = locks(TestRedis.URL);
			assertThat(a.tryAcquire(this.conversation, "a", LEASE)).isTrue();
			assertThat(b.tryAcquire(this.conversation, "b", LEASE)).isFalse();
			a.release(this.conversation, "a");
		}
	}

	private RedisConversationLocks locks(String url) {
		return new RedisConversationLocks(link(url));
	}

	private RedisLink link(String url) {
		return this.redis.link(url);
	}

}
