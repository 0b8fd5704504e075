package dev.parley.importing.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** The streamed reading of a form's {@code file} part, whatever the reads' sizes. */
class MultipartFilePartTests {

	private static final String TYPE = "multipart/form-data; boundary=\"xyz\"";

	@Test
	void readsTheFilePartAfterOtherPartsEvenOneByteAtATime() throws IOException {
		String content = "[\"--xy\",\"\\r\\n--xy\"]".repeat(5000);
		String form = "preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nA\r\n--xyz\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"f.json\"\r\nContent-Type: application/json"
				+ "\r\n\r\n" + content + "\r\n--xyz--\r\n";

		InputStream part = MultipartFilePart.open(new Trickle(form.getBytes(StandardCharsets.UTF_8)), TYPE);

		assertThat(new String(part.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
	}

	@Test
	void aFormWithoutAFilePartOrBoundaryIsRefused() {
		String form = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nA\r\n--xyz--\r\n";

		assertThatExceptionOfType(UploadException.class).isThrownBy(() -> MultipartFilePart.open(stream(form), TYPE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(UploadException.Kind.NO_FILE_PART));
		assertThatExceptionOfType(UploadException.class)
			.isThrownBy(() -> MultipartFilePart.open(stream(form), "multipart/form-data"));
	}

	@Test
	void aFilePartCutBeforeItsBoundaryFailsTheRead() throws IOException {
		String form = "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n[1,2,3";

		InputStream part = MultipartFilePart.open(stream(form), TYPE);

		assertThatIOException().isThrownBy(part::readAllBytes).withMessageContaining("cut short");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A body that arrives a byte or a few at a time. */
	private static final class Trickle extends ByteArrayInputStream {

		private int turn;

		Trickle(byte[] bytes) {
			super(bytes);
		}

		@Override
		public synchronized int read(byte[] buffer, int offset, int length) {
			return super.read(buffer, offset, Math.min(length, 1 + (this.turn++ % 7)));
		}

	}

}
