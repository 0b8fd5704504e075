package dev.parley.importing.upload;

/** An upload that is not a file Parley can read, for a reason {@link #kind} names. */
public class UploadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** What is wrong with the upload. */
	public enum Kind {

		/** A content type that is neither JSON, a zip, bytes, nor a multipart form. */
		UNSUPPORTED_MEDIA_TYPE,
		/** A multipart form without a {@code file} part, or without a usable boundary. */
		NO_FILE_PART,
		/** No bytes at all. */
		EMPTY,
		/**
		 * A zip with no {@code conversations.json} (nor {@code conversations-NNN.json}).
		 */
		ZIP_WITHOUT_CONVERSATIONS,
		/** A zip or multipart body that cannot be read. */
		MALFORMED

	}

	private final Kind kind;

	UploadException(Kind kind, String detail) {
		super(detail);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
