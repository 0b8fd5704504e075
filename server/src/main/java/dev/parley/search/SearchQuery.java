package dev.parley.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.json.StorableText;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * What to search for: the words of {@code q} (all must occur, each as a substring,
 * ignoring case), the text as typed (whitespace runs made one space, which ranks exact
 * matches higher), and the filters.
 *
 * @param terms the distinct words of the query, in lower case ({@link Locale#ROOT})
 * @param phrase the query as typed, trimmed, its whitespace runs made one space
 * @param agentId only conversations of this agent, or null
 * @param tagKey only conversations that carry the owner's tag of this key, or null
 * @param from only hits created at or after this instant, or null
 * @param to only hits created before this instant, or null
 * @param archived only archived (true) or only not archived (false) conversations, or
 * null for both
 * @param role only messages of this role (no title hits), or null
 */
record SearchQuery(List<String> terms, String phrase, @Nullable UUID agentId, @Nullable String tagKey,
		@Nullable Instant from, @Nullable Instant to, @Nullable Boolean archived, @Nullable String role) {

	/** The longest query, in characters. */
	static final int MAX_LENGTH = 200;

	/** The most words a query may have. */
	static final int MAX_TERMS = 10;

	static final List<String> ROLES = List.of("user", "assistant", "system", "agent", "tool");

	/**
	 * The query of these parameters.
	 * @throws ProblemException 400 for a blank, too long or unstorable query, too many
	 * words, an unknown role or a date range that ends before it starts
	 */
	static SearchQuery of(@Nullable String q, @Nullable UUID agentId, @Nullable String tagKey, @Nullable Instant from,
			@Nullable Instant to, @Nullable Boolean archived, @Nullable String role) {
		if (q == null || q.isBlank()) {
			throw ProblemException.invalid("q", "must not be blank");
		}
		String unstorable = StorableText.problem(q);
		if (unstorable != null) {
			throw ProblemException.of(CommonProblem.INVALID_TEXT, "q holds " + unstorable);
		}
		String phrase = String.join(" ", q.strip().split("(?U)\\s+"));
		if (phrase.length() > MAX_LENGTH) {
			throw ProblemException.invalid("q", "must be at most " + MAX_LENGTH + " characters");
		}
		List<String> terms = new ArrayList<>();
		for (String word : phrase.split(" ")) {
			String term = word.toLowerCase(Locale.ROOT);
			if (!terms.contains(term)) {
				terms.add(term);
			}
		}
		if (terms.size() > MAX_TERMS) {
			throw ProblemException.invalid("q", "must have at most " + MAX_TERMS + " words");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw ProblemException.invalid("to", "must be after from");
		}
		String roleName = (role != null) ? role.toLowerCase(Locale.ROOT) : null;
		if (roleName != null && !ROLES.contains(roleName)) {
			throw ProblemException.invalid("role", "must be one of " + ROLES);
		}
		return new SearchQuery(List.copyOf(terms), phrase, agentId, tagKey, from, to, archived, roleName);
	}

}
