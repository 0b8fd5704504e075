package dev.parley.provider;

/** A model name resolved to the provider that serves it. */
public record ResolvedModel(ChatProvider provider, String model) {
}
