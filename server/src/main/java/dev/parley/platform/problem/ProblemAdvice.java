package dev.parley.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that renders every error of Spring MVC as
 * {@code application/problem+json} with a stable {@link ProblemType}: Parley's own
 * {@link ProblemException}s, and the exceptions Spring's
 * {@link ResponseEntityExceptionHandler} knows, each with its own type; whatever else
 * goes wrong is an internal error.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final ProblemResponses responses;

	private final KnownFailures known;

	ProblemAdvice(ProblemResponses responses, KnownFailures known) {
		this.responses = responses;
		this.known = known;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex, HttpServletRequest request) {
		return this.responses.entity(ex, request);
	}

	@ExceptionHandler(RequestBodyTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException ex, HttpServletRequest request) {
		return respond(CommonProblem.CONTENT_TOO_LARGE, ex.getMessage(), request);
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

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			return respond(CommonProblem.forStatus(error.getStatusCode().value()), error.getStatusCode(),
					error.getBody().getDetail(), List.of(), request, error.getHeaders());
		}
		ProblemException known = this.known.classify(ex);
		if (known != null) {
			return problem(known, request);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(CommonProblem.INTERNAL, "An unexpected error occurred", request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return untyped(problem(JsonBodyErrors.classify(ex), servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new FieldProblem((error instanceof FieldError field) ? snakeCase(field.getField()) : null,
					error.getDefaultMessage()))
			.toList();
		return untyped(invalid(errors, servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(snakeCase(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())))
			.toList();
		return untyped(invalid(errors, servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentTypeMismatchException mismatch)) {
			return handleExceptionInternal(ex, null, headers, status, request);
		}
		String name = snakeCase(mismatch.getName());
		if (mismatch.getRequiredType() == UUID.class) {
			return untyped(respond(CommonProblem.INVALID_ID, CommonProblem.INVALID_ID.status(),
					"'" + name + "' is not a valid id", List.of(new FieldProblem(name, "must be a UUID")),
					servlet(request), HttpHeaders.EMPTY));
		}
		String expected = (mismatch.getRequiredType() != null)
				? mismatch.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT) : "another type";
		return untyped(invalid(List.of(new FieldProblem(name, "must be of type " + expected)), servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return untyped(invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")), servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return untyped(notFound(servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return untyped(notFound(servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servlet = servlet(request);
		HttpHeaders allow = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			allow.setAllow(ex.getSupportedHttpMethods());
		}
		return untyped(respond(CommonProblem.METHOD_NOT_ALLOWED, CommonProblem.METHOD_NOT_ALLOWED.status(),
				servlet.getMethod() + " is not supported here", List.of(), servlet, allow));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpHeaders accept = new HttpHeaders();
		accept.setAccept(ex.getSupportedMediaTypes());
		return untyped(respond(CommonProblem.UNSUPPORTED_MEDIA_TYPE, CommonProblem.UNSUPPORTED_MEDIA_TYPE.status(),
				"Content type '" + ex.getContentType() + "' is not supported; use application/json", List.of(),
				servlet(request), accept));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return untyped(respond(CommonProblem.NOT_ACCEPTABLE, "None of the accepted media types can be produced",
				servlet(request)));
	}

	/**
	 * The exceptions of Spring MVC without a handler above answer as any other failure: a
	 * client error with the type of its status, else an internal error.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		return untyped(unexpected(ex, servlet(request)));
	}

	private ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return respond(CommonProblem.NOT_FOUND, "No endpoint " + request.getMethod() + " " + request.getRequestURI(),
				request);
	}

	private ResponseEntity<ProblemDetail> invalid(List<FieldProblem> errors, HttpServletRequest request) {
		String detail = errors.stream()
			.map((error) -> (error.field() != null) ? error.field() + ": " + error.message() : error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is invalid");
		return respond(CommonProblem.INVALID_REQUEST, CommonProblem.INVALID_REQUEST.status(), detail, errors, request,
				HttpHeaders.EMPTY);
	}

	private ResponseEntity<ProblemDetail> respond(ProblemType type, String detail, HttpServletRequest request) {
		return respond(type, type.status(), detail, List.of(), request, HttpHeaders.EMPTY);
	}

	private ResponseEntity<ProblemDetail> respond(ProblemType type, HttpStatusCode status, String detail,
			List<FieldProblem> errors, HttpServletRequest request, HttpHeaders headers) {
		return this.responses.entity(type, status, detail, errors, request, headers);
	}

	private static ResponseEntity<Object> untyped(ResponseEntity<ProblemDetail> response) {
		return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
	}

	private static HttpServletRequest servlet(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static String snakeCase(String name) {
		if (name == null) {
			return null;
		}
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
