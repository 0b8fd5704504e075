package dev.parley.search;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.conversation.TagName;
import dev.parley.platform.Page;
import dev.parley.platform.json.StorableText;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/search}: the caller's conversation titles and messages that hold
 * every word of {@code q}, best first.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

	private final SearchService service;

	SearchController(SearchService service) {
		this.service = service;
	}

	@GetMapping
	Page<SearchHit> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(name = "agent_id", required = false) @Nullable UUID agentId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Boolean archived,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		String unstorable = (tag != null) ? StorableText.problem(tag) : null;
		if (unstorable != null) {
			throw ProblemException.of(CommonProblem.INVALID_TEXT, "tag holds " + unstorable);
		}
		String tagKey = (tag != null && !tag.isBlank()) ? TagName.key(tag) : null;
		return this.service.search(SearchQuery.of(q, agentId, tagKey, from, to, archived, role), limit, cursor);
	}

}
