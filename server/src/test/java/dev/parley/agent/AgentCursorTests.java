package dev.parley.agent;

import org.junit.jupiter.api.Test;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AgentCursorTests {

	@Test
	void keepsTheTokensClientsAlreadyHold() {
		assertThat(AgentCursor.AFTER_DEFAULT.encode()).isEqualTo("ZA");
		assertThat(new AgentCursor("café").encode()).isEqualTo("bjpjYWbDqQ");
		assertThat(AgentCursor.decode("ZA")).isEqualTo(AgentCursor.AFTER_DEFAULT);
		assertThat(AgentCursor.decode("bjpjYWbDqQ")).isEqualTo(new AgentCursor("café"));
	}

	@Test
	void rejectsForeignTokens() {
		for (String token : new String[] { "", "bjo", "not-ours", "%%" }) {
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> AgentCursor.decode(token))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo(CommonProblem.INVALID_CURSOR))
				.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("The cursor is not one this list returned"));
		}
	}

}
