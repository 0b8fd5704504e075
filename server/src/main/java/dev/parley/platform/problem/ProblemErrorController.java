package dev.parley.platform.problem;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page so that failures outside Spring MVC (a servlet
 * filter throwing, an error status sent by the container) are problem+json too.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	private final ProblemResponses responses;

	private final KnownFailures known;

	ProblemErrorController(ProblemResponses responses, KnownFailures known) {
		this.responses = responses;
		this.known = known;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without a status the page was requested directly: there is nothing here.
		int status = (code instanceof Integer value) ? ((value >= 400) ? value : 500) : 404;
		ProblemType type = CommonProblem.forStatus(status);
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ProblemException known = (failure instanceof Throwable ex) ? this.known.classify(ex) : null;
		if (known != null) {
			return this.responses.entity(known, request);
		}
		if (status >= 500) {
			log.error("Request to {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
					(failure instanceof Throwable ex) ? ex : null);
		}
		String detail = (status >= 500) ? "An unexpected error occurred" : type.title();
		return this.responses.entity(type, HttpStatusCode.valueOf(status), detail, List.of(), request,
				HttpHeaders.EMPTY);
	}

}
