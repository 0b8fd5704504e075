package dev.parley.gateway;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import dev.parley.bench.sim.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With masking for providers on, a gateway call's messages reach the provider masked,
 * string contents and content parts alike, while other fields pass unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "parley.privacy.masking.enabled=true", "parley.privacy.masking.targets=provider" })
class GatewayMaskingIT extends GatewayTestSupport {

	@Test
	void theProviderSeesMaskedMessages() {
		String key = apiKey(newUser(), "gateway");
		String marker = UUID.randomUUID().toString();
		String body = """
				{"model": "sim?tokens=5", "user": "u-13812345678", "messages": [
				  {"role": "system", "content": "Escalate to ops@example.com"},
				  {"role": "user", "content": [{"type": "text", "text": "call me on 13812345678 %s"}]}]}
				""".formatted(marker);

		HttpResponse<String> answer = completions(key, body);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		RecordedRequest sent = SIMULATOR.recentRequests()
			.reversed()
			.stream()
			.filter((r) -> r.body().contains(marker))
			.findFirst()
			.orElseThrow();
		assertThat(sent.body()).contains("Escalate to [email]", "call me on [phone] " + marker)
			.doesNotContain("ops@example.com", "on 13812345678")
			.contains("\"user\":\"u-13812345678\"");
	}

}
