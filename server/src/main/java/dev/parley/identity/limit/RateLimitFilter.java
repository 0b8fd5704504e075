package dev.parley.identity.limit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.problem.ProblemResponses;
import dev.parley.platform.problem.RetryLaterException;

/**
 * Limits API requests ({@code /api/**}, {@code /v1/**}) per API key, per user, or per IP
 * address for callers without credentials. Runs after Spring Security, so it knows who
 * the caller is; every limited response carries {@code RateLimit-*} headers, and a
 * refused one is a 429 problem with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final String WIDGET_API = "/api/v1/widget/";

	private final RateLimiter limiter;

	private final LimitProperties properties;

	private final QuotaPolicy quotas;

	private final LimitMetrics metrics;

	private final ProblemResponses problems;

	RateLimitFilter(RateLimiter limiter, LimitProperties properties, QuotaPolicy quotas, LimitMetrics metrics,
			ProblemResponses problems) {
		this.limiter = limiter;
		this.properties = properties;
		this.quotas = quotas;
		this.metrics = metrics;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// The support widget's visitors have limits of their own (per visitor and per IP
		// address, dev.parley.support): many visitors share one address behind a NAT.
		return !(path.startsWith("/api/") || path.startsWith("/v1/")) || path.startsWith(WIDGET_API);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Limit limit;
		String subject;
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			limit = this.quotas.requests(user);
			subject = user.viaApiKey() ? user.apiKeyId() : user.id();
		}
		else {
			limit = this.properties.anonymousRequests();
			subject = request.getRemoteAddr();
		}
		if (limit.unlimited()) {
			chain.doFilter(request, response);
			return;
		}
		RateDecision decision = this.limiter.tryConsume(limit, subject);
		if (decision.known()) {
			response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
			response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
			response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
		}
		if (!decision.allowed()) {
			this.metrics.rejected(limit.name());
			this.problems.write(
					new RetryLaterException(LimitProblem.RATE_LIMITED,
							"Too many requests: the limit is " + limit.capacity() + " per minute; retry in "
									+ decision.retryAfterSeconds() + " s",
							decision.retryAfterSeconds()),
					request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
