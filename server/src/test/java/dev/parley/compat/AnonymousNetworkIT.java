package dev.parley.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Anonymous callers from a configured network, bound to one user, in Parley processes of
 * its own (the bound user must exist when Parley starts): a start bound to a missing user
 * fails and says why; bound, the seeds' own requests run with real {@code curl} from
 * 127.0.0.1 and act as that user (its limits), while the same requests from {@code ::1},
 * outside the network, need an API key, which then acts as its own user.
 */
@Execution(ExecutionMode.CONCURRENT)
class AnonymousNetworkIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BOUND = "old-client@example.com";

	private static final String TEXT = Simulator.expectedText(5);

	@Test
	void callersFromTheNetworkActAsTheBoundUserAndOthersNeedAKey() throws Exception {
		Path dataDir = TestApp.newDataDir();
		assertThatThrownBy(() -> bound(dataDir).start())
			.hasMessageContaining("Anonymous callers are bound to the user '" + BOUND + "', who does not exist");

		String key;
		String keyedUser;
		try (ParleyProcess plain = ParleyProcess.on(dataDir).property("parley.compat.enabled", "true").start()) {
			TestClient http = plain.client();
			Response registered = http.send("POST", "/api/v1/auth/register", null, "{\"email\":\"" + BOUND
					+ "\",\"password\":\"" + TestAccounts.PASSWORD + "\",\"display_name\":\"Old client\"}");
			assertThat(registered.status()).as(registered.body()).isEqualTo(201);
			Session keyed = TestAccounts.newUser(http);
			keyedUser = keyed.userId();
			Response created = http.call(keyed, "POST", "/api/v1/api-keys", "{\"name\":\"old\",\"scopes\":[\"chat\"]}");
			key = created.text("/key");
			plain.stop();
		}

		try (ParleyProcess parley = bound(dataDir).start()) {
			Path work = Files.createTempDirectory("compat-curl");
			String host = "127.0.0.1:" + parley.port();
			// Seed 001's API description as curl commands: its request bodies verbatim.
			curl(work, "curl -s -D chat.headers -o chat.json -X POST http://" + host + "/api/chat "
					+ "-H 'Content-Type: application/json' -d '{\"message\": \"你的问题\"}'");
			JsonNode chat = read(work, "chat.json");
			assertThat(chat.get("response").asString()).isEqualTo(TEXT);
			assertThat(chat.get("cached").asBoolean()).isFalse();
			String id = chat.get("conversation_id").asString();
			assertThat(Files.readString(work.resolve("chat.headers"))).containsIgnoringCase("RateLimit-Limit: 120");

			curl(work,
					"curl -s -o chat2.json -X POST http://" + host + "/api/chat "
							+ "-H 'Content-Type: application/json' -d '{\n    \"message\": \"你的问题\",\n"
							+ "    \"conversation_id\": \"可选的会话ID\"\n}'");
			assertThat(read(work, "chat2.json").get("conversation_id").asString()).isEqualTo("可选的会话ID");

			curl(work, "curl -s -o history.json http://" + host + "/api/conversations/" + id);
			JsonNode history = read(work, "history.json");
			assertThat(history.get("conversation_id").asString()).isEqualTo(id);
			assertThat(history.get("messages")).hasSize(2);
			assertThat(history.get("messages").get(0).get("content").asString()).isEqualTo("你的问题");

			curl(work, "curl -s -o deleted.json -X DELETE http://" + host + "/api/conversations/" + id);
			assertThat(read(work, "deleted.json").get("conversation_id").asString()).isEqualTo(id);
			curl(work, "curl -s -o gone.json http://" + host + "/api/conversations/" + id);
			assertThat(read(work, "gone.json").get("error").asString()).contains(id);

			// The binding covers the old routes only.
			assertThat(curl(work, "curl -s -o /dev/null -w '%{http_code}' http://" + host + "/api/v1/conversations"))
				.isEqualTo("401");

			// From ::1, outside 127.0.0.0/8: an API key is needed, and acts as its user.
			String outside = "[::1]:" + parley.port();
			assertThat(
					curl(work,
							"curl -s -o refused.json -w '%{http_code}' -X POST http://" + outside + "/api/chat "
									+ "-H 'Content-Type: application/json' -d '{\"message\": \"Hi\"}'"))
				.isEqualTo("401");
			assertThat(curl(work,
					"curl -s -o keyed.json -w '%{http_code}' -X POST http://" + outside + "/api/chat "
							+ "-H 'x-api-key: " + key + "' -H 'Content-Type: application/json' "
							+ "-d '{\"message\": \"Hi\", \"conversation_id\": \"keyed-1\"}'"))
				.isEqualTo("200");
			assertThat(
					curl(work, "curl -s -o /dev/null -w '%{http_code}' http://" + host + "/api/conversations/keyed-1"))
				.as("the bound user does not see the key user's session")
				.isEqualTo("404");
			assertThat(curl(work, "curl -s -o /dev/null -w '%{http_code}' -H 'x-api-key: " + key + "' http://" + host
					+ "/api/conversations/keyed-1"))
				.isEqualTo("200");
			assertThat(keyedUser).isNotBlank();
			parley.stop();
		}
	}

	private static ParleyProcess.Builder bound(Path dataDir) {
		return ParleyProcess.on(dataDir)
			.property("parley.compat.enabled", "true")
			.property("parley.compat.anonymous.networks", "127.0.0.0/8")
			.property("parley.compat.anonymous.user", BOUND);
	}

	private static JsonNode read(Path work, String file) throws IOException {
		return JSON.readTree(Files.readString(work.resolve(file), StandardCharsets.UTF_8));
	}

	/** Runs a command line with bash in {@code work}; answers what it printed. */
	private static String curl(Path work, String command) {
		try {
			Process process = new ProcessBuilder(List.of("bash", "-c", command)).directory(work.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
			assertThat(process.exitValue()).as(command + "\n" + output).isZero();
			return output.strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
