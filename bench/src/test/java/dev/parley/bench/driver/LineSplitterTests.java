package dev.parley.bench.driver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTests {

	@Test
	void splitsLinesOnLfAndCrlfAndKeepsBlankLines() throws IOException {
		assertThat(lines(64, "id: 1\r\ndata: {\"a\":1}\r\n\r\n: heartbeat\n\ndata: x\n")).containsExactly("id: 1",
				"data: {\"a\":1}", "", ": heartbeat", "", "data: x");
	}

	@Test
	void emitsALastLineWithoutTerminatorAtTheEnd() throws IOException {
		assertThat(lines(64, "data: a\ndata: [DONE]")).containsExactly("data: a", "data: [DONE]");
	}

	@Test
	void reassemblesLinesSplitAcrossBuffersEvenMidCharacterAndMidCrlf() throws IOException {
		byte[] all = "data: héllo\r\n\r\ndata: world\n".getBytes(StandardCharsets.UTF_8);
		List<String> got = new ArrayList<>();
		LineSplitter splitter = new LineSplitter(16);
		LineSplitter.Sink sink = (b, off, len) -> got.add(new String(b, off, len, StandardCharsets.UTF_8));
		for (byte b : all) {
			splitter.feed(ByteBuffer.wrap(new byte[] { b }), sink);
		}
		splitter.finish(sink);
		assertThat(got).containsExactly("data: héllo", "", "data: world");
	}

	@Test
	void growsForLinesLongerThanItsBuffer() throws IOException {
		String longLine = "data: " + "x".repeat(5000);
		assertThat(lines(16, longLine + "\nnext\n")).containsExactly(longLine, "next");
	}

	@Test
	void emitsNothingForNoBytes() throws IOException {
		assertThat(lines(16, "")).isEmpty();
	}

	private static List<String> lines(int capacity, String text) throws IOException {
		List<String> got = new ArrayList<>();
		LineSplitter splitter = new LineSplitter(capacity);
		LineSplitter.Sink sink = (b, off, len) -> got.add(new String(b, off, len, StandardCharsets.UTF_8));
		splitter.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sink);
		splitter.finish(sink);
		return got;
	}

}
