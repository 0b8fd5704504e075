package dev.parley.platform;

/**
 * A user's daily allowance of LLM tokens: checked before a reply is generated and charged
 * with the tokens the reply really used. Implemented by the identity feature.
 */
public interface TokenBudget {

	/**
	 * Throws a {@link dev.parley.platform.problem.ProblemException} (429) when the user
	 * has no tokens left today.
	 */
	void requireAvailable(String userId);

	/** Records tokens a finished reply used (prompt and completion). */
	void charge(String userId, long tokens);

	/**
	 * Records tokens like {@link #charge} when the user already has today's usage row, in
	 * the caller's transaction: one update, never an insert that could race another's and
	 * fail (which would spoil the caller's transaction).
	 * @return false, changing nothing, when there is no row yet: then {@link #charge}
	 * outside the transaction
	 */
	boolean chargeExisting(String userId, long tokens);

}
