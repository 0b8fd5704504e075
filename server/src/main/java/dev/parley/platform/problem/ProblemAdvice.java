package dev.parley.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that renders every error as {@code application/problem+json} with a
 * stable {@link ProblemType}; the content type is fixed so that clients accepting only
 * {@code text/event-stream} still get the problem rather than a 406.
 */
@RestControllerAdvice
public class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex, HttpServletRequest request) {
		HttpHeaders headers = HttpHeaders.EMPTY;
		if (ex instanceof RetryLaterException later) {
			headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		return respond(ex.type(), ex.type().status(), ex.getMessage(), ex.errors(), request, headers);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return problem(JsonBodyErrors.classify(ex), request);
	}

	@ExceptionHandler(RequestBodyTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException ex, HttpServletRequest request) {
		return respond(ProblemType.CONTENT_TOO_LARGE, ProblemType.CONTENT_TOO_LARGE.status(), ex.getMessage(),
				List.of(), request, HttpHeaders.EMPTY);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new FieldProblem((error instanceof org.springframework.validation.FieldError field)
					? snakeCase(field.getField()) : null, error.getDefaultMessage()))
			.toList();
		return invalid(errors, request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(snakeCase(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())))
			.toList();
		return invalid(errors, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(snakeCase(lastNode(violation.getPropertyPath().toString())),
					violation.getMessage()))
			.toList();
		return invalid(errors, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		String name = snakeCase(ex.getName());
		if (ex.getRequiredType() == UUID.class) {
			return respond(ProblemType.INVALID_ID, ProblemType.INVALID_ID.status(), "'" + name + "' is not a valid id",
					List.of(new FieldProblem(name, "must be a UUID")), request, HttpHeaders.EMPTY);
		}
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT)
				: "another type";
		return invalid(List.of(new FieldProblem(name, "must be of type " + expected)), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) {
		return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")), request);
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ProblemDetail> notFound(Exception ex, HttpServletRequest request) {
		return respond(ProblemType.NOT_FOUND, ProblemType.NOT_FOUND.status(),
				"No endpoint " + request.getMethod() + " " + request.getRequestURI(), List.of(), request,
				HttpHeaders.EMPTY);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return respond(ProblemType.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED.status(),
				request.getMethod() + " is not supported here", List.of(), request, headers);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(ex.getSupportedMediaTypes());
		return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE.status(),
				"Content type '" + ex.getContentType() + "' is not supported; use application/json", List.of(), request,
				headers);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return respond(ProblemType.NOT_ACCEPTABLE, ProblemType.NOT_ACCEPTABLE.status(),
				"None of the accepted media types can be produced", List.of(), request, HttpHeaders.EMPTY);
	}

	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex) {
		// The client disconnected; there is nobody to answer.
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			return respond(ProblemType.forStatus(error.getStatusCode().value()), error.getStatusCode(),
					error.getBody().getDetail(), List.of(), request, error.getHeaders());
		}
		ProblemException clientError = ContainerErrors.classify(ex);
		if (clientError != null) {
			return problem(clientError, request);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(ProblemType.INTERNAL, ProblemType.INTERNAL.status(), "An unexpected error occurred", List.of(),
				request, HttpHeaders.EMPTY);
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> errors, HttpServletRequest request) {
		String detail = errors.stream()
			.map((error) -> (error.field() != null) ? error.field() + ": " + error.message() : error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is invalid");
		return respond(ProblemType.INVALID_REQUEST, ProblemType.INVALID_REQUEST.status(), detail, errors, request,
				HttpHeaders.EMPTY);
	}

	static ResponseEntity<ProblemDetail> respond(ProblemType type, HttpStatusCode status, String detail,
			List<FieldProblem> errors, HttpServletRequest request, HttpHeaders headers) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(type.uri());
		body.setTitle(type.title());
		body.setInstance(instance(request));
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		if (OpenAiErrorMember.appliesTo(body.getInstance())) {
			body.setProperty(OpenAiErrorMember.NAME, OpenAiErrorMember.of(type, status.value(), detail, errors));
		}
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	private static URI instance(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			return URI.create((original instanceof String uri) ? uri : request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	static String snakeCase(String name) {
		if (name == null) {
			return null;
		}
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
