package dev.parley.chat;

import java.util.UUID;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * SSE event ids: {@code <generation id>:<sequence>}, where the generation id is the
 * assistant message's id. The sequence {@code end} stands for "after the last event" when
 * a finished reply is rebuilt from the database.
 */
public record EventId(UUID generationId, long seq) {

	public static final long AFTER_END = Long.MAX_VALUE;

	public static String format(UUID generationId, long seq) {
		return generationId + ":" + ((seq != AFTER_END) ? Long.toString(seq) : "end");
	}

	public static EventId parse(String raw) {
		int colon = (raw != null) ? raw.lastIndexOf(':') : -1;
		if (colon <= 0 || colon == raw.length() - 1) {
			throw invalid(raw);
		}
		try {
			UUID generation = UUID.fromString(raw.substring(0, colon).trim());
			String seqText = raw.substring(colon + 1).trim();
			long seq = "end".equals(seqText) ? AFTER_END : Long.parseLong(seqText);
			if (seq < 0) {
				throw invalid(raw);
			}
			return new EventId(generation, seq);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(raw);
		}
	}

	private static ProblemException invalid(String raw) {
		return ProblemException.of(CommonProblem.INVALID_REQUEST,
				"Last-Event-ID must look like '<message id>:<sequence>', got '" + raw + "'");
	}

}
