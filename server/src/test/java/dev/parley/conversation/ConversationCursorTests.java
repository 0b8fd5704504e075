package dev.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

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
	void rejectsTamperedTokens() {
		for (String raw : new String[] { "", "x", "2.1.abc", "0.1", "0.zz." + UUID.randomUUID(),
				"1.5.not-a-uuid-but-thirty-six-chars-x" }) {
			String token = Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ConversationCursor.decode(token))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.INVALID_CURSOR));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ConversationCursor.decode("!!"));
	}

}
