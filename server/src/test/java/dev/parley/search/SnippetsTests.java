package dev.parley.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTests {

	@Test
	void cutsAroundTheFirstMatchWithoutSplittingASurrogatePair() {
		String text = "😀".repeat(100) + "上下文" + "x".repeat(300);
		Snippets.Snippet snippet = Snippets.of(text, List.of("上下文"));
		String shown = snippet.text();
		assertThat(shown).startsWith("…").endsWith("…");
		assertThat(Character.isLowSurrogate(shown.charAt(1))).isFalse();
		Snippets.Highlight highlight = snippet.highlights().getFirst();
		assertThat(shown.substring(highlight.start(), highlight.end())).isEqualTo("上下文");
		assertThat(highlight.start()).isEqualTo(1 + Snippets.LEAD);
	}

	@Test
	void mergesOverlappingMatchesAndIgnoresCase() {
		Snippets.Snippet snippet = Snippets.of("Banana BANANA", List.of("ana", "nan"));
		assertThat(snippet.highlights()).containsExactly(new Snippets.Highlight(1, 5), new Snippets.Highlight(8, 12));
	}

	@Test
	void aTextWithoutTheWordsHasNoHighlights() {
		assertThat(Snippets.of("nothing here", List.of("zebra")).highlights()).isEmpty();
		assertThat(Snippets.of("", List.of("zebra")).text()).isEmpty();
	}

	@Test
	void caselessWordsAreThoseNoMappingChanges() {
		assertThat(SearchDialect.caseless("上下文")).isTrue();
		assertThat(SearchDialect.caseless("2026")).isTrue();
		assertThat(SearchDialect.caseless("context")).isFalse();
		assertThat(SearchDialect.caseless("ß")).isFalse();
		assertThat(SearchDialect.caseless("上下a")).isFalse();
	}

}
