package dev.parley.provider.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deltas cut at code point boundaries: a pair split between deltas is joined, a surrogate
 * without a pair becomes U+FFFD wherever it is.
 */
class WholeCodePointsTests {

	private static final String HIGH = "\uD83D";

	private static final String LOW = "\uDE00";

	private final WholeCodePoints text = new WholeCodePoints();

	@Test
	void aPairSplitBetweenDeltasGoesOutWithTheSecondDelta() {
		assertThat(this.text.accept("smile " + HIGH)).isEqualTo("smile ");
		assertThat(this.text.accept(LOW + " done")).isEqualTo(HIGH + LOW + " done");
		assertThat(this.text.flush()).isEmpty();
	}

	@Test
	void aDeltaThatIsOnlyAHighSurrogateGivesNothingUntilItsPairArrives() {
		assertThat(this.text.accept(HIGH)).isEmpty();
		assertThat(this.text.accept(LOW)).isEqualTo(HIGH + LOW);
	}

	@Test
	void surrogatesWithoutAPairBecomeTheReplacementCharacter() {
		assertThat(this.text.accept("a" + LOW + "b")).isEqualTo("a\uFFFDb");
		assertThat(this.text.accept("c" + HIGH + "d")).isEqualTo("c\uFFFDd");
		assertThat(this.text.accept("e" + HIGH)).isEqualTo("e");
		assertThat(this.text.accept("f")).isEqualTo("\uFFFDf");
		assertThat(this.text.accept("g" + HIGH)).isEqualTo("g");
		assertThat(this.text.flush()).isEqualTo("\uFFFD");
	}

	@Test
	void textWithoutSurrogatesIsPassedAsItIs() {
		String delta = "plain text, é and 中";
		assertThat(this.text.accept(delta)).isSameAs(delta);
		assertThat(this.text.accept(HIGH + LOW)).isEqualTo(HIGH + LOW);
	}

}
