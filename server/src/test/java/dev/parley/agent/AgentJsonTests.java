package dev.parley.agent;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.ModelParams;
import dev.parley.provider.RouteTarget;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents' JSON columns keep the shape rows already have in the database. */
class AgentJsonTests {

	private final AgentJson json = new AgentJson(JsonConfiguration.storageJsonMapper());

	@Test
	void writesSnakeCaseWithoutNullMembers() {
		assertThat(this.json.writeRoute(List.of(new RouteTarget("p1", "m", 2), new RouteTarget("p2", null, 1))))
			.isEqualTo("[{\"provider_id\":\"p1\",\"model\":\"m\",\"weight\":2},{\"provider_id\":\"p2\",\"weight\":1}]");
		assertThat(this.json.writeParams(new ModelParams(0.5, null, 100, List.of("x"))))
			.isEqualTo("{\"temperature\":0.5,\"max_tokens\":100,\"stop\":[\"x\"]}");
		assertThat(this.json.writeParams(null)).isEqualTo("{}");
		assertThat(
				this.json.writeMessages(List.of(new AgentMessage("USER", "hi"), new AgentMessage("assistant", null))))
			.isEqualTo("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\"}]");
		List<String> strings = new ArrayList<>();
		strings.add("a");
		strings.add(null);
		assertThat(this.json.writeStrings(strings)).isEqualTo("[\"a\",null]");
	}

	@Test
	void readsStoredRows() {
		assertThat(this.json.readParams("{\"temperature\":0.5,\"top_p\":0.2,\"max_tokens\":100,\"stop\":[\"x\"]}"))
			.isEqualTo(new ModelParams(0.5, 0.2, 100, List.of("x")));
		assertThat(this.json.readRoute("[{\"provider_id\":\"p1\",\"model\":\"m\",\"weight\":2}]"))
			.containsExactly(new RouteTarget("p1", "m", 2));
		assertThat(this.json.readMessages("[{\"role\":\"user\",\"content\":\"hi\"}]"))
			.containsExactly(new AgentMessage("user", "hi"));
	}

}
