package dev.parley.bench.sim;

/** A fault the simulator injects into one reply; {@link #NONE} for a healthy reply. */
record Fault(Kind kind, int status) {

	static final Fault NONE = new Fault(Kind.NONE, 200);

	enum Kind {

		/** A normal reply. */
		NONE,
		/** An HTTP error status with OpenAI's error JSON. */
		STATUS,
		/** Headers sent, then no token until the client goes away. */
		HANG,
		/** Not even the headers are sent. */
		HANG_HEADERS,
		/** Some tokens, then the connection is closed without an end. */
		CUT,
		/** Some tokens, then a chunk that is not JSON, then the rest. */
		MALFORMED,
		/**
		 * Some tokens, then an error in the stream (an OpenAI error chunk, an Anthropic
		 * {@code error} event) and the end of the response.
		 */
		ERROR

	}

	/**
	 * Parses {@code 500}, {@code 429}, {@code hang}, {@code error}, ...; null or blank
	 * means none.
	 */
	static Fault parse(String text) {
		if (text == null || text.isBlank() || text.equals("none")) {
			return NONE;
		}
		return switch (text) {
			case "hang" -> new Fault(Kind.HANG, 200);
			case "hang_headers" -> new Fault(Kind.HANG_HEADERS, 200);
			case "cut" -> new Fault(Kind.CUT, 200);
			case "malformed" -> new Fault(Kind.MALFORMED, 200);
			case "error" -> new Fault(Kind.ERROR, 200);
			default -> statusFault(text);
		};
	}

	private static Fault statusFault(String text) {
		int status;
		try {
			status = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("unknown fault '" + text + "'");
		}
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + text);
		}
		return new Fault(Kind.STATUS, status);
	}

}
