package dev.parley.provider;

/** A non-streaming reply and the route target that served it. */
public record RoutedCompletion(Completion completion, RouteTarget servedBy) {
}
