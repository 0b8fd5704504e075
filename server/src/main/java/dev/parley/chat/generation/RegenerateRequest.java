package dev.parley.chat.generation;

import jakarta.validation.constraints.Size;

/** Optional body of the regenerate call: another model to answer with. */
record RegenerateRequest(@Size(max = SendMessageRequest.MODEL_MAX_CHARS) String model) {
}
