package dev.parley.support.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;

/**
 * Canned responses: texts agents insert by their short code ({@code /greeting}) while
 * typing a reply.
 */
@Service
class CannedResponses {

	/** Canned response; {@code shortCode} is unique. */
	record CannedResponse(UUID id, String shortCode, String content, Instant createdAt, Instant updatedAt) {
	}

	private static final int MAX_RESULTS = 20;

	private final JdbcClient jdbc;

	private final IdGenerator ids;

	private final Clock clock;

	CannedResponses(JdbcClient jdbc, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Those whose short code starts with {@code query}, then those whose code or text
	 * contains it; all when the query is blank.
	 */
	List<CannedResponse> search(@Nullable String query) {
		String q = (query != null) ? query.strip().toLowerCase(Locale.ROOT) : "";
		String like = q.replaceAll("([!%_])", "!$1");
		return this.jdbc
			.sql("SELECT id, short_code, content, created_at, updated_at FROM support_canned_responses "
					+ "WHERE LOWER(short_code) LIKE :contains ESCAPE '!' OR LOWER(content) LIKE :contains ESCAPE '!' "
					+ "ORDER BY CASE WHEN LOWER(short_code) LIKE :prefix ESCAPE '!' THEN 0 ELSE 1 END, short_code "
					+ "LIMIT :limit")
			.param("contains", "%" + like + "%")
			.param("prefix", like + "%")
			.param("limit", MAX_RESULTS)
			.query((rs, row) -> new CannedResponse(Jdbc.uuid(rs, "id"), rs.getString("short_code"),
					rs.getString("content"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at")))
			.list();
	}

	CannedResponse create(String shortCode, String content) {
		Instant now = Jdbc.now(this.clock);
		CannedResponse created = new CannedResponse(this.ids.next(), checkedCode(shortCode), content.strip(), now, now);
		try {
			this.jdbc
				.sql("INSERT INTO support_canned_responses (id, short_code, content, created_at, updated_at) "
						+ "VALUES (:id, :code, :content, :now, :now)")
				.param("id", Jdbc.param(created.id()))
				.param("code", created.shortCode())
				.param("content", created.content())
				.param("now", Jdbc.param(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(created.shortCode());
		}
		return created;
	}

	CannedResponse update(UUID id, @Nullable String shortCode, @Nullable String content) {
		CannedResponse current = find(id);
		CannedResponse updated = new CannedResponse(id,
				(shortCode != null) ? checkedCode(shortCode) : current.shortCode(),
				(content != null) ? content.strip() : current.content(), current.createdAt(), Jdbc.now(this.clock));
		try {
			this.jdbc
				.sql("UPDATE support_canned_responses SET short_code = :code, content = :content, updated_at = :now "
						+ "WHERE id = :id")
				.param("id", Jdbc.param(id))
				.param("code", updated.shortCode())
				.param("content", updated.content())
				.param("now", Jdbc.param(updated.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(updated.shortCode());
		}
		return updated;
	}

	void delete(UUID id) {
		if (this.jdbc.sql("DELETE FROM support_canned_responses WHERE id = :id")
			.param("id", Jdbc.param(id))
			.update() == 0) {
			throw notFound(id);
		}
	}

	private CannedResponse find(UUID id) {
		return this.jdbc
			.sql("SELECT id, short_code, content, created_at, updated_at FROM support_canned_responses WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query((rs, row) -> new CannedResponse(Jdbc.uuid(rs, "id"), rs.getString("short_code"),
					rs.getString("content"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at")))
			.optional()
			.orElseThrow(() -> notFound(id));
	}

	private static String checkedCode(String shortCode) {
		String code = shortCode.strip();
		if (code.startsWith("/")) {
			code = code.substring(1);
		}
		if (!code.matches("[\\p{L}\\p{N}_-]{1,50}")) {
			throw ProblemException.invalid("short_code", "1 to 50 letters, digits, '_' or '-'");
		}
		return code;
	}

	private static ProblemException taken(String code) {
		return ProblemException.of(SupportProblem.SHORT_CODE_TAKEN, "A canned response /" + code + " exists");
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(SupportProblem.CANNED_RESPONSE_NOT_FOUND, "No canned response " + id);
	}

}
