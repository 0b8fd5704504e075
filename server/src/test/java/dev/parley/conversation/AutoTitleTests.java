package dev.parley.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoTitleTests {

	@Test
	void usesTheFirstNonBlankLineTrimmed() {
		assertThat(AutoTitle.from("\n\n   Plan a trip to Kyoto  \nin spring")).isEqualTo("Plan a trip to Kyoto");
	}

	@Test
	void cutsLongLinesToFiftyCharactersWithoutSplittingCharacters() {
		String title = AutoTitle.from("\uD83D\uDE00".repeat(80));
		assertThat(title.codePointCount(0, title.length())).isEqualTo(AutoTitle.MAX_LENGTH);
		assertThat(title).endsWith("\u2026").startsWith("\uD83D\uDE00");
	}

	@Test
	void blankContentGivesNoTitle() {
		assertThat(AutoTitle.from(" \n\t ")).isNull();
		assertThat(AutoTitle.from(null)).isNull();
	}

}
