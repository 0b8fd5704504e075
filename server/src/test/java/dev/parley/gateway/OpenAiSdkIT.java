package dev.parley.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway driven by the official {@code openai} npm package
 * ({@code src/test/node/openai-sdk/client.mjs}): list models, a completion, a stream, a
 * request with tools and response_format (which must reach the upstream unchanged) and an
 * unknown model (the SDK's NotFoundError with Parley's message). Runs whenever node and
 * npm exist, and must run in CI ({@code CI=true}).
 */
@TestPropertySource(properties = GatewayIT.MODELS_PROPERTY)
class OpenAiSdkIT extends WholeAppTestBase {

	private static final Path CLIENT = Path.of("src/test/node/openai-sdk").toAbsolutePath();

	private static final long INSTALL_MINUTES = 5;

	private static final long RUN_SECONDS = 120;

	@Test
	void theOfficialOpenAiSdkWorksAgainstTheGateway() throws Exception {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		boolean tools = available("node") && available("npm");
		if (!tools) {
			assertThat(ci).as("CI=true: node and npm are required for the OpenAI SDK test").isFalse();
			System.err.println("SKIPPED OpenAiSdkIT: node or npm is not installed on this machine");
			Assumptions.abort("node or npm is not installed");
		}
		if (!Files.isDirectory(CLIENT.resolve("node_modules/openai"))) {
			Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_MINUTES * 60);
			assertThat(install.exit()).as("npm ci failed:\n" + install.output()).isZero();
		}
		String key = apiKey(newUser(), "gateway");
		String marker = "sdk tools " + UUID.randomUUID();
		Run client = run(List.of("node", "client.mjs"), Map.of("OPENAI_BASE_URL", base() + "/v1", "OPENAI_API_KEY", key,
				"PARLEY_MODEL", "sim?tokens=3", "PARLEY_MARKER", marker), RUN_SECONDS);
		assertThat(client.exit()).as("node client.mjs failed:\n" + client.output()).isZero();
		String[] lines = client.output().strip().split("\n");
		JsonNode result = JSON.readTree(lines[lines.length - 1]);

		assertThat(result.get("models").valueStream().map(JsonNode::asString)).as("the default agent, then the models")
			.containsExactlyElementsOf(
					java.util.stream.Stream.concat(java.util.stream.Stream.of("Default"), GatewayIT.MODELS.stream())
						.toList());
		assertThat(result.at("/completion/id").asString()).startsWith("chatcmpl-");
		assertThat(result.at("/completion/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(result.at("/completion/finish_reason").asString()).isEqualTo("stop");
		assertThat(result.at("/completion/total_tokens").asInt()).isPositive();
		assertThat(result.at("/stream/text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(result.at("/stream/finish_reason").asString()).isEqualTo("stop");
		assertThat(result.at("/stream/completion_tokens").asInt()).isEqualTo(3);
		assertThat(result.at("/tools/content").asString()).isEqualTo(Simulator.expectedText(3));

		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body());
		assertThat(sent.at("/tools/0/function/name").asString()).isEqualTo("get_weather");
		assertThat(sent.at("/tools/0/function/parameters/required/0").asString()).isEqualTo("city");
		assertThat(sent.get("tool_choice").asString()).isEqualTo("auto");
		assertThat(sent.at("/response_format/type").asString()).isEqualTo("json_object");

		JsonNode unknown = result.get("unknown");
		assertThat(unknown.get("not_found_error").asBoolean()).as(unknown.toString()).isTrue();
		assertThat(unknown.get("status").asInt()).isEqualTo(404);
		assertThat(unknown.get("code").asString()).isEqualTo("model_not_found");
		assertThat(unknown.get("message").asString()).contains("no-such-model").contains("does not exist");
	}

	private record Run(int exit, String output) {
	}

	private static Run run(List<String> command, Map<String, String> env, long timeoutSeconds)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("openai-sdk", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError(command + " did not end within " + timeoutSeconds + " s:\n"
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static boolean available(String tool) {
		try {
			Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
