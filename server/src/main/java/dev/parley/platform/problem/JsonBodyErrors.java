package dev.parley.platform.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import dev.parley.platform.json.UnstorableTextException;

/** Turns an unreadable JSON body into the problem a client can act on. */
final class JsonBodyErrors {

	private JsonBodyErrors() {
	}

	static ProblemException classify(HttpMessageNotReadableException ex) {
		RequestBodyTooLargeException tooLarge = ContainerErrors.causeOf(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return ProblemException.of(CommonProblem.CONTENT_TOO_LARGE, tooLarge.getMessage());
		}
		return ofJson(ex.getCause(), "body", "request body");
	}

	/**
	 * The problem of JSON that could not be read as the expected type, from Jackson's
	 * failure ({@code cause}; null: there was no JSON at all), naming the document
	 * {@code what} ("body") or, where it is missing or malformed, {@code whole} ("request
	 * body").
	 */
	static ProblemException ofJson(@Nullable Throwable cause, String what, String whole) {
		if (cause instanceof UnstorableTextException text) {
			return new ProblemException(CommonProblem.INVALID_TEXT, text.getOriginalMessage(),
					List.of(new FieldProblem(text.field(), text.reason())));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return new ProblemException(CommonProblem.UNKNOWN_FIELD, "Unknown field '" + field + "'",
					List.of(new FieldProblem(field, "is not a known field")));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = path(mismatch);
			String message = "must be " + describe(mismatch.getTargetType());
			if (field == null) {
				return new ProblemException(CommonProblem.INVALID_REQUEST, "The " + what + " " + message,
						List.of(new FieldProblem(null, message)));
			}
			return new ProblemException(CommonProblem.INVALID_REQUEST, "Field '" + field + "' " + message,
					List.of(new FieldProblem(field, message)));
		}
		if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)
				&& !jackson.getPath().isEmpty()) {
			String field = path(jackson);
			return new ProblemException(CommonProblem.INVALID_REQUEST, "Field '" + field + "' is invalid",
					List.of(new FieldProblem(field, "is invalid")));
		}
		if (cause == null) {
			return ProblemException.of(CommonProblem.MALFORMED_JSON, "The " + whole + " is missing");
		}
		return ProblemException.of(CommonProblem.MALFORMED_JSON, "The " + whole + " is not valid JSON");
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.toList();
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "an object";
		}
		return "an object";
	}

}
