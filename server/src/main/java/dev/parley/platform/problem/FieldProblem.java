package dev.parley.platform.problem;

/**
 * One invalid input of a request, as listed in a problem's {@code errors}: the JSON field
 * or parameter name (snake_case, with a path such as {@code preset_messages[0].role}) and
 * what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
