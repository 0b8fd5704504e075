package dev.parley.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With masking for providers on, a gateway call's messages reach the provider masked,
 * string contents and content parts alike, while other fields pass unchanged.
 */
@TestPropertySource(properties = { "parley.privacy.masking.enabled=true", "parley.privacy.masking.targets=provider" })
class GatewayMaskingIT extends WholeAppTestBase {

	@Test
	void theProviderSeesMaskedMessages() {
		String key = apiKey(newUser(), "gateway");
		String marker = UUID.randomUUID().toString();
		String body = """
				{"model": "sim?tokens=5", "user": "u-13812345678", "messages": [
				  {"role": "system", "content": "Escalate to ops@example.com"},
				  {"role": "user", "content": [{"type": "text", "text": "call me on 13812345678 %s"}]}]}
				""".formatted(marker);

		Response answer = send("POST", "/v1/chat/completions", "Bearer " + key, body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		RecordedRequest sent = TestSimulator.lastRequest("with " + marker, (r) -> r.body().contains(marker));
		assertThat(sent.body()).contains("Escalate to [email]", "call me on [phone] " + marker)
			.doesNotContain("ops@example.com", "on 13812345678")
			.contains("\"user\":\"u-13812345678\"");
	}

}
