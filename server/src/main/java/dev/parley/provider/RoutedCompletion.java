package dev.parley.provider;

/**
 * A non-streaming reply, the route target that served it and how many targets were tried
 * (or skipped) before it.
 */
public record RoutedCompletion(Completion completion, RouteTarget servedBy, int failovers) {
}
