package dev.parley.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Routes of another feature whose clients authenticate in ways of their own (the old
 * systems' routes, {@code dev.parley.compat}): a covered request may send its API key as
 * {@code x-api-key} as well as a bearer, needs the {@code chat} scope, and, without any
 * credential, may act as one configured ordinary user when the feature admits it. Every
 * bean of this type is asked; with none, nothing changes.
 */
public interface CallerBinding {

	/** Whether {@code request} is to one of this feature's routes. */
	boolean covers(HttpServletRequest request);

	/**
	 * The e-mail address of the one user that covered requests without a credential may
	 * act as, or null when none may. Checked at start: it must be an active ordinary user
	 * (role {@code USER}), or Parley does not start.
	 */
	@Nullable String boundUser();

	/**
	 * Whether the covered request {@code request}, which carries no credential, acts as
	 * {@link #boundUser()} (its remote address is in a configured network, say).
	 */
	boolean admitsAnonymous(HttpServletRequest request);

}
