package dev.parley.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's limits, the sizes lowered for the test: an upload larger than
 * {@code max-bytes} (declared, or streamed without a length), a zip that unpacks to more
 * than {@code max-unzipped-bytes}, a conversation larger than
 * {@code max-conversation-bytes}; and one direct import per user at a time, freed however
 * it ends (a good file, a bad one, a client gone mid-upload).
 */
@TestPropertySource(properties = { "parley.import.max-bytes=1MB", "parley.import.max-unzipped-bytes=2MB",
		"parley.import.max-conversation-bytes=64KB" })
class ImportLimitsIT extends WholeAppTestBase {

	@Test
	void aStreamedUploadLargerThanTheLimitIsRefusedAndKeepsWhatCameBefore() {
		// conversations of about 10 KB each, streamed without a Content-Length, 3 MB in
		// all
		InputStream body = new SequenceInputStream(Collections.enumeration(
				List.of(new ByteArrayInputStream("[".getBytes(StandardCharsets.UTF_8)), new ConversationStream(300))));

		Response refused = request("POST", ImportIT.IMPORTS).as(user())
			.body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.send();

		refused.assertProblem(413, "content-too-large");
		int imported = refused.json().at("/report/totals/imported").asInt();
		assertThat(imported).isBetween(50, 110);
		assertThat(refused.json().at("/report/complete").asBoolean()).isFalse();
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isEqualTo(imported);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
		byte[] large = new byte[(int) (1.5 * 1024 * 1024)];
		java.util.Arrays.fill(large, (byte) ' ');
		large[0] = '[';

		request("POST", ImportIT.IMPORTS).as(user())
			.body("application/json", large)
			.send()
			.assertProblem(413, "content-too-large");
	}

	@Test
	void otherRoutesKeepTheGeneralLimit() {
		String big = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";

		call("POST", CONVERSATIONS, big).assertProblem(413, "content-too-large");
	}

	@Test
	void aZipThatUnpacksBeyondTheLimitIsRefused() {
		StringBuilder json = new StringBuilder("[");
		json.append(" ".repeat(3 * 1024 * 1024));
		json.append("]");
		byte[] zip = ImportIT.zip(Map.of("conversations.json", json.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(zip.length).isLessThan(1024 * 1024);

		Response refused = request("POST", ImportIT.IMPORTS).as(user()).body("application/zip", zip).send();

		refused.assertProblem(413, "content-too-large");
		assertThat(refused.json().get("detail").asString()).contains("unpack");
	}

	@Test
	void aConversationLargerThanTheLimitIsSkippedAndTheNextImported() {
		String small = ConversationStream.conversation(1, 100);
		// many texts, each within the limit, that together pass it
		String large = ConversationStream.conversation(2, 5_000)
			.replace("\"u\":{", "\"u\":{\"extra\":["
					+ String.join(",", Collections.nCopies(20, "\"" + "z".repeat(5_000) + "\"")) + "],");
		String file = "[" + small + "," + large + "," + ConversationStream.conversation(3, 100) + "]";

		Response imported = request("POST", ImportIT.IMPORTS).as(user())
			.body("application/json", file.getBytes(StandardCharsets.UTF_8))
			.send();

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().at("/totals/imported").asInt()).isEqualTo(2);
		assertThat(imported.json().at("/skipped/0/reason").asString()).contains("larger than the limit");
	}

	@Test
	void oneTextLongerThanAConversationMayBeStopsTheImportWhereItIs() {
		String file = "[" + ConversationStream.conversation(1, 100) + "," + ConversationStream.conversation(2, 100_000)
				+ "]";

		Response refused = request("POST", ImportIT.IMPORTS).as(user())
			.body("application/json", file.getBytes(StandardCharsets.UTF_8))
			.send();

		refused.assertProblem(413, "content-too-large");
		assertThat(refused.json().at("/report/totals/imported").asInt()).isEqualTo(1);
		assertThat(refused.json().at("/report/broken_at/conversation").asInt()).isEqualTo(1);
	}

	@Test
	void oneDirectImportPerUserRunsAtATime() throws Exception {
		Session ada = user();
		Response done;
		try (HeldBody held = new HeldBody()) {
			CompletableFuture<Response> first = held.sendAs(ada);
			held.send("[" + ConversationStream.conversation(1, 100) + ",");
			awaitImported(ada, 1);

			Response second = directImport(ada, 3);
			second.assertProblem(409, "import-already-running");
			assertThat(second.json().get("detail").asString()).contains("wait").contains("/api/v1/imports/jobs");
			assertThat(directImport(newUser(), 3).status()).as("another user's import runs").isEqualTo(200);

			held.send(ConversationStream.conversation(2, 100) + "]");
			held.end();
			done = first.get(60, TimeUnit.SECONDS);
		}
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().at("/totals/imported").asInt()).isEqualTo(2);

		// cut before its end
		Response broken = request("POST", ImportIT.IMPORTS).as(ada)
			.body("application/json", "[" + ConversationStream.conversation(4, 100))
			.send();
		broken.assertProblem(400, "import-malformed");
		Response after = directImport(ada, 3);
		assertThat(after.status()).as("free again after a good and a bad file: " + after.body()).isEqualTo(200);
	}

	@Test
	void aClientThatGoesAwayMidUploadFreesItsImport() throws Exception {
		Session ada = user();
		try (HeldBody held = new HeldBody()) {
			CompletableFuture<Response> first = held.sendAs(ada);
			held.send("[" + ConversationStream.conversation(1, 100) + ",");
			awaitImported(ada, 1);
			directImport(ada, 3).assertProblem(409, "import-already-running");

			held.fail();
			assertThat(first).failsWithin(Duration.ofSeconds(60));
		}

		Response after = Eventually.eventually("the import freed")
			.until(() -> directImport(ada, 3), (answer) -> answer.status() != 409);
		assertThat(after.status()).as(after.body()).isEqualTo(200);
	}

	private Response directImport(Session session, int conversation) {
		return request("POST", ImportIT.IMPORTS).as(session)
			.body("application/json", "[" + ConversationStream.conversation(conversation, 100) + "]")
			.send();
	}

	private void awaitImported(Session session, long conversations) {
		Eventually.eventually(conversations + " conversations imported")
			.until(() -> count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", session.userId()),
					(n) -> n == conversations);
	}

	/**
	 * A direct import's body sent part by part as the test says, without a length: the
	 * request stays open between two parts, and may end cut off, as when its client goes
	 * away. (A body read from a blocking {@code InputStream} would not do: the JDK client
	 * sends nothing of the request while a read of its body blocks.)
	 */
	private final class HeldBody implements AutoCloseable {

		private final SubmissionPublisher<ByteBuffer> parts = new SubmissionPublisher<>();

		/**
		 * Starts the import as {@code session}'s user; its answer once the body ended.
		 */
		CompletableFuture<Response> sendAs(Session session) {
			HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(this.parts);
			return CompletableFuture
				.supplyAsync(() -> request("POST", ImportIT.IMPORTS).as(session).body("application/json", body).send());
		}

		void send(String part) {
			Eventually.eventually("the request under way")
				.until(this.parts::getNumberOfSubscribers, (subscribers) -> subscribers > 0);
			this.parts.submit(ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)));
		}

		void end() {
			this.parts.close();
		}

		/** The client goes away: the connection is dropped mid-body. */
		void fail() {
			this.parts.closeExceptionally(new IOException("The client went away"));
		}

		@Override
		public void close() {
			this.parts.close();
		}

	}

	/**
	 * ChatGPT conversations of about 10 KB, separated by commas, {@code count} of them.
	 */
	static final class ConversationStream extends InputStream {

		private final int count;

		private int next;

		private byte[] current = new byte[0];

		private int at;

		ConversationStream(int count) {
			this.count = count;
		}

		static String conversation(int n, int textChars) {
			return "{\"conversation_id\":\"limit-" + n + "\",\"title\":\"n" + n + "\",\"create_time\":1700000000,"
					+ "\"mapping\":{\"u\":{\"id\":\"u\",\"parent\":null,\"children\":[],\"message\":{\"id\":\"u\","
					+ "\"author\":{\"role\":\"user\"},\"create_time\":1700000001,\"content\":{\"content_type\":\"text\","
					+ "\"parts\":[\"" + "y".repeat(textChars) + "\"]},\"metadata\":{},\"recipient\":\"all\"}}},"
					+ "\"current_node\":\"u\"}";
		}

		@Override
		public int read() {
			if (this.at == this.current.length) {
				if (this.next == this.count) {
					return -1;
				}
				this.current = (((this.next > 0) ? "," : "") + conversation(this.next, 10_000))
					.getBytes(StandardCharsets.UTF_8);
				this.next++;
				this.at = 0;
			}
			return this.current[this.at++];
		}

	}

}
