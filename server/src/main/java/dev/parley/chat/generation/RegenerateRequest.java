package dev.parley.chat.generation;

/** Optional body of the regenerate call: another model to answer with. */
record RegenerateRequest(String model) {
}
