package dev.parley.importing.upload;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * One JSON document of an upload.
 *
 * @param name its entry's name in a zip, or null for a file uploaded as it is
 * @param content its bytes, read once; closing it leaves the upload open
 */
public record Document(@Nullable String name, InputStream content) {

	/** Whether it came out of a zip (which only ChatGPT's export is). */
	public boolean zipped() {
		return this.name != null;
	}

}
