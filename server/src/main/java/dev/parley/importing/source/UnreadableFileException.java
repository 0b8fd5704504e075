package dev.parley.importing.source;

import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be read (further): empty, not JSON, of no format Parley imports, or
 * broken at a place ({@link #line}, {@link #column}, {@link #byteOffset}). What was read
 * before stays read.
 */
public class UnreadableFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** What is wrong with the file. */
	public enum Kind {

		/** Nothing but white space. */
		EMPTY,
		/** Not JSON from the place given on (a truncated file ends this way). */
		MALFORMED,
		/** JSON, but no format Parley imports, or not the one asked for. */
		UNKNOWN_FORMAT,
		/** One text is longer than any conversation may be. */
		TOO_LARGE

	}

	private final Kind kind;

	private final long line;

	private final long column;

	private final long byteOffset;

	UnreadableFileException(Kind kind, String detail) {
		this(kind, detail, -1, -1, -1);
	}

	UnreadableFileException(Kind kind, String detail, long line, long column, long byteOffset) {
		super(detail);
		this.kind = kind;
		this.line = line;
		this.column = column;
		this.byteOffset = byteOffset;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The line where the file broke (1-based), or -1 when no place applies. */
	public long line() {
		return this.line;
	}

	/** The column where the file broke (1-based), or -1. */
	public long column() {
		return this.column;
	}

	/** The offset in bytes where the file broke, or -1. */
	public long byteOffset() {
		return this.byteOffset;
	}

	/** The place as words ("line 3, column 7 (byte 120)"), or null. */
	public @Nullable String place() {
		if (this.line < 0) {
			return null;
		}
		return "line " + this.line + ", column " + this.column
				+ ((this.byteOffset >= 0) ? " (byte " + this.byteOffset + ")" : "");
	}

}
