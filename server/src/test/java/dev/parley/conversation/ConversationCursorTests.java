package dev.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConversationCursorTests {

	@Test
	void roundTripsToTheMicrosecond() {
		ConversationCursor cursor = new ConversationCursor(true, Instant.parse("1969-12-31T23:59:59.000001Z"),
				UUID.randomUUID());
		String token = cursor.encode();
		assertThat(token).matches("[A-Za-z0-9_-]+");
		assertThat(ConversationCursor.decode(token)).isEqualTo(cursor);
	}

	@Test
	void keepsTheTokensClientsAlreadyHold() {
		ConversationCursor cursor = new ConversationCursor(true, Instant.parse("2026-03-29T01:30:00.123456Z"),
				UUID.fromString("0195f3a2-7b1c-7000-8000-000000000001"));
		String token = "MS4xNzc0NzQ3ODAwMTIzNDU2LjAxOTVmM2EyLTdiMWMtNzAwMC04MDAwLTAwMDAwMDAwMDAwMQ";
		assertThat(cursor.encode()).isEqualTo(token);
		assertThat(ConversationCursor.decode(token)).isEqualTo(cursor);
	}

	@Test
	void rejectsTamperedTokens() {
		for (String raw : new String[] { "", "x", "2.1.abc", "0.1", "0.zz." + UUID.randomUUID(),
				"1.5.not-a-uuid-but-thirty-six-chars-x", "0.\u0661." + UUID.randomUUID() }) {
			String token = Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ConversationCursor.decode(token))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo(CommonProblem.INVALID_CURSOR));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ConversationCursor.decode("!!"));
	}

}
