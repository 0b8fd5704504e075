package dev.parley.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ownership lock under races, on H2 (subclasses: PostgreSQL, MariaDB): many runs of a
 * customer message and a handoff sent at the same moment. Whichever wins, the bot never
 * replies after the handoff is recorded: a reply that began first is stopped, never
 * completed, and no reply begins after it.
 */
class HandoffRaceIT extends SupportTestBase {

	/** A slow reply (about a second), so that the handoff finds it running. */
	private static final String SLOW_MODEL = "sim?tokens=40&delay=25";

	/** How many races are run. */
	int runs() {
		return 40;
	}

	/**
	 * Whether the stored times order a reply and a handoff: on H2 both are written by the
	 * group committer one after the other; on a server database the handoff takes its
	 * time before it waits for the row's lock.
	 */
	boolean timesAreOrdered() {
		return true;
	}

	@Test
	void theBotNeverRepliesAfterAHandoffEvenInARace() throws Exception {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(SLOW_MODEL)));
		Session staff = newStaff();
		int repliesBegun = 0;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int run = 0; run < runs(); run++) {
				Visitor visitor = visitor(inbox, null);
				String conversation = startConversation(visitor);
				CyclicBarrier start = new CyclicBarrier(2);
				CompletableFuture<Response> message = CompletableFuture.supplyAsync(() -> {
					await(start);
					return say(visitor, conversation, "race " + System.nanoTime());
				}, pool);
				CompletableFuture<Response> handoff = CompletableFuture.supplyAsync(() -> {
					await(start);
					return call(staff, "POST", DESK + "/" + conversation + "/handoff", "{\"to\":\"human\"}");
				}, pool);
				Response sent = message.get(20, TimeUnit.SECONDS);
				Response handed = handoff.get(20, TimeUnit.SECONDS);
				assertThat(sent.status()).as(sent.body()).isEqualTo(202);
				assertThat(handed.status()).as(handed.body()).isEqualTo(200);
				Eventually.eventually("no reply running")
					.until(() -> count(
							"SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND status = 'streaming'",
							conversation) == 0);
				List<String> statuses = this.jdbc
					.sql("SELECT status FROM messages WHERE conversation_id = ? AND role = 'assistant'")
					.param(conversation)
					.query(String.class)
					.list();
				assertThat(statuses).as("run %d", run).allMatch((status) -> status.equals("stopped"));
				if (!statuses.isEmpty()) {
					repliesBegun++;
					assertThat(sent.json().get("reply_id").isNull()).isFalse();
					if (timesAreOrdered()) {
						assertThat(count("SELECT COUNT(*) FROM messages m JOIN support_conversations s "
								+ "ON s.conversation_id = m.conversation_id WHERE m.conversation_id = ? "
								+ "AND m.role = 'assistant' AND m.created_at > s.handed_off_at", conversation))
							.as("run %d: a reply that began after the handoff", run)
							.isZero();
					}
				}
				// After the handoff, the customer is answered by humans only.
				assertThat(say(visitor, conversation, "still there?").json().get("reply_id").isNull()).isTrue();
				assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'assistant'",
						conversation))
					.isEqualTo(statuses.size());
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf(
				"handoff race (%s): %d runs, the reply had begun in %d (stopped), the handoff came first" + " in %d%n",
				getClass().getSimpleName(), runs(), repliesBegun, runs() - repliesBegun);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
