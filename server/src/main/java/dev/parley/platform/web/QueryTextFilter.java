package dev.parley.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.platform.json.StorableText;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Holds query parameters to the text policy of request bodies ({@link StorableText}): a
 * parameter whose name or value holds a NUL ({@code %00}) is answered 400
 * {@code invalid-text} before any handler sees it. (The container already refuses a
 * {@code %00} in the path and percent-encoded bytes that are not UTF-8, so a query cannot
 * carry an unpaired surrogate.)
 */
final class QueryTextFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	QueryTextFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && query.indexOf('%') >= 0) {
			for (String pair : query.split("&")) {
				String decoded = decode(pair);
				String problem = (decoded != null) ? StorableText.problem(decoded) : null;
				if (problem != null) {
					int equals = pair.indexOf('=');
					String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
					String field = (name != null && StorableText.problem(name) == null) ? "'" + name + "'" : "name";
					this.problems.write(response, CommonProblem.INVALID_TEXT,
							"Query parameter " + field + " must not contain " + problem, request.getRequestURI());
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// malformed escapes: the container's own parsing answers those
			return null;
		}
	}

}
