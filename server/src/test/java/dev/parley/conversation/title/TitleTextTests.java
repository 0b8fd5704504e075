package dev.parley.conversation.title;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleTextTests {

	@Test
	void takesTheFirstLineWithoutQuotesLabelOrFinalStop() {
		assertThat(TitleText.clean("\"Trip to Lisbon\"")).hasValue("Trip to Lisbon");
		assertThat(TitleText.clean("  Title: **Trip to Lisbon.**\nMore text")).hasValue("Trip to Lisbon");
		assertThat(TitleText.clean("「清除上下文管理」。")).hasValue("清除上下文管理");
		assertThat(TitleText.clean("标题：《旅行计划》")).hasValue("旅行计划");
		assertThat(TitleText.clean("It's Bob's plan")).hasValue("It's Bob's plan");
	}

	@Test
	void cutsLongTitlesAtFiftyCharactersWithoutSplittingAPair() {
		String title = TitleText.clean("😀".repeat(60)).orElseThrow();
		assertThat(title.codePointCount(0, title.length())).isEqualTo(50);
		assertThat(title).endsWith("…").startsWith("😀".repeat(49));
	}

	@Test
	void anAnswerWithoutTextHasNoTitle() {
		assertThat(TitleText.clean("")).isEmpty();
		assertThat(TitleText.clean(" \n \"\" \n")).isEmpty();
		assertThat(TitleText.clean("a\u0000b")).isEmpty();
	}

}
