package dev.parley.chat;

/** Optional body of the regenerate call: another model to answer with. */
record RegenerateRequest(String model) {
}
