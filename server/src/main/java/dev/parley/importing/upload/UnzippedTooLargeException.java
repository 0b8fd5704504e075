package dev.parley.importing.upload;

import java.io.IOException;

/** The conversations of a zip unpack to more bytes than the import allows. */
public class UnzippedTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	UnzippedTooLargeException(long limit) {
		super("The zip's conversations unpack to more than the limit of " + limit + " bytes");
	}

}
