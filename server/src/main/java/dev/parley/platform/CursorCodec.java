package dev.parley.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * The opaque cursors of a paged list: base64url (without padding) of the UTF-8 text of a
 * position that the list defines. A token that does not decode to a position of the list
 * is the {@code invalid-cursor} problem (400). Thread-safe.
 *
 * @param <P> the list's position, where its next page starts
 */
public final class CursorCodec<P> {

	private final Function<? super P, String> format;

	private final Function<String, ? extends P> parse;

	private final String invalidDetail;

	/**
	 * A codec of positions of one kind.
	 * @param format the text of a position
	 * @param parse the position of a text, throwing {@link IllegalArgumentException} (or
	 * {@link ArithmeticException}) for a text that {@code format} did not write
	 * @param invalidDetail the problem's detail for a foreign token
	 */
	public CursorCodec(Function<? super P, String> format, Function<String, ? extends P> parse, String invalidDetail) {
		this.format = format;
		this.parse = parse;
		this.invalidDetail = invalidDetail;
	}

	public String encode(P position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(this.format.apply(position).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The position a token stands for.
	 * @throws ProblemException 400 {@code invalid-cursor} for a token that
	 * {@link #encode} did not write
	 */
	public P decode(String token) {
		try {
			return this.parse.apply(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw ProblemException.of(CommonProblem.INVALID_CURSOR, this.invalidDetail);
		}
	}

}
