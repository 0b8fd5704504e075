package dev.parley.chat.generation;

import jakarta.validation.constraints.Size;

import dev.parley.chat.SendMessageRequest;

/** Optional body of the regenerate call: another model to answer with. */
record RegenerateRequest(@Size(max = SendMessageRequest.MODEL_MAX_CHARS) String model) {
}
