package dev.parley.importing.upload;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded file as its JSON documents, one after the other, each read once from the
 * request body: the file itself, or (for a zip, recognised by its first bytes whatever
 * the content type says) every {@code conversations.json} or
 * {@code conversations-NNN.json} entry of ChatGPT's export, in the zip's order, the other
 * entries skipped. What the entries unpack to is counted against
 * {@code maxUnzippedBytes}, so a small zip cannot unpack without bound.
 */
public final class Upload {

	/** The content types a file may be sent as, besides a multipart form. */
	static final Set<String> FILE_TYPES = Set.of("application/json", "application/zip", "application/x-zip-compressed",
			"application/octet-stream", "text/plain");

	private static final Pattern CONVERSATIONS_ENTRY = Pattern.compile("(?:.*/)?conversations(?:-\\d+)?\\.json");

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final BufferedInputStream file;

	private final long maxUnzippedBytes;

	private @Nullable ZipInputStream zip;

	private boolean started;

	private boolean anyEntry;

	private long unzipped;

	private Upload(InputStream file, long maxUnzippedBytes) {
		this.file = new BufferedInputStream(file, 64 * 1024);
		this.maxUnzippedBytes = maxUnzippedBytes;
	}

	/**
	 * The upload in a request body of {@code contentType}.
	 * @throws UploadException for a content type that carries no file, or a form without
	 * its {@code file} part
	 */
	public static Upload of(InputStream body, @Nullable String contentType, long maxUnzippedBytes) throws IOException {
		String type = (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
				: "application/octet-stream";
		if ("multipart/form-data".equals(type)) {
			return new Upload(MultipartFilePart.open(body, contentType), maxUnzippedBytes);
		}
		if (!FILE_TYPES.contains(type)) {
			throw new UploadException(UploadException.Kind.UNSUPPORTED_MEDIA_TYPE,
					"Content type '" + type
							+ "' is not an export; send application/json, application/zip or a multipart/form-data form"
							+ " with a 'file' part");
		}
		return new Upload(body, maxUnzippedBytes);
	}

	/** Whether a body of {@code contentType} can carry an export file. */
	public static boolean accepts(String contentType) {
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return "multipart/form-data".equals(type) || FILE_TYPES.contains(type);
	}

	/** The next document, or null after the last. */
	public @Nullable Document next() throws IOException {
		if (!this.started) {
			this.started = true;
			if (!isZip()) {
				return new Document(null, new KeptOpen(this.file));
			}
			this.zip = new ZipInputStream(this.file);
		}
		if (this.zip == null) {
			return null;
		}
		try {
			for (ZipEntry entry = this.zip.getNextEntry(); entry != null; entry = this.zip.getNextEntry()) {
				if (!entry.isDirectory() && CONVERSATIONS_ENTRY.matcher(entry.getName()).matches()) {
					this.anyEntry = true;
					return new Document(entry.getName(), new Unzipped(this.zip));
				}
			}
		}
		catch (ZipException ex) {
			throw new UploadException(UploadException.Kind.MALFORMED, "The zip cannot be read: " + ex.getMessage());
		}
		if (!this.anyEntry) {
			throw new UploadException(UploadException.Kind.ZIP_WITHOUT_CONVERSATIONS,
					"The zip has no conversations.json (nor conversations-NNN.json): it is not a ChatGPT export");
		}
		this.zip = null;
		return null;
	}

	private boolean isZip() throws IOException {
		this.file.mark(ZIP_MAGIC.length);
		byte[] head = this.file.readNBytes(ZIP_MAGIC.length);
		this.file.reset();
		if (head.length == 0) {
			throw new UploadException(UploadException.Kind.EMPTY, "The file is empty");
		}
		return Arrays.equals(head, ZIP_MAGIC);
	}

	/** A document's stream, whose close leaves the upload's stream open. */
	private static class KeptOpen extends FilterInputStream {

		KeptOpen(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
			// the upload's stream is the request's
		}

	}

	/** One entry's bytes, counted against the unpacked limit. */
	private final class Unzipped extends KeptOpen {

		Unzipped(ZipInputStream zip) {
			super(zip);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n;
			try {
				n = super.read(buffer, offset, length);
			}
			catch (ZipException ex) {
				throw new UploadException(UploadException.Kind.MALFORMED, "The zip cannot be read: " + ex.getMessage());
			}
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws UnzippedTooLargeException {
			Upload.this.unzipped += n;
			if (Upload.this.unzipped > Upload.this.maxUnzippedBytes) {
				throw new UnzippedTooLargeException(Upload.this.maxUnzippedBytes);
			}
		}

	}

}
