package dev.parley.conversation;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.platform.logging.LogContext;

/**
 * Every log line about a request to one conversation
 * ({@code /api/v1/conversations/{id}/...}, the chat routes included) names it
 * ({@code conversation_id}); only a well-formed id is taken, so a path cannot forge log
 * fields.
 */
class ConversationLogContext extends OncePerRequestFilter {

	static final String URL_PATTERN = "/api/v1/conversations/*";

	private static final Pattern CONVERSATION = Pattern.compile(
			"^/api/v1/conversations/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = CONVERSATION.matcher(request.getRequestURI());
		if (matcher.find()) {
			try (LogContext.Entry entry = LogContext.put(LogContext.CONVERSATION_ID, matcher.group(1))) {
				chain.doFilter(request, response);
			}
		}
		else {
			chain.doFilter(request, response);
		}
	}

}
