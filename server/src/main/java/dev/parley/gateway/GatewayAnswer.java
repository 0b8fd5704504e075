package dev.parley.gateway;

import dev.parley.provider.Completion;
import dev.parley.provider.Usage;

/**
 * The whole answer to a non-streaming gateway call, whatever protocol the client speaks.
 *
 * @param completion the reply (its {@code message} is the upstream's OpenAI message when
 * there is one)
 * @param usage what the call used, as charged
 * @param cached whether the response cache served it (then nothing was charged)
 */
public record GatewayAnswer(Completion completion, Usage usage, boolean cached) {

}
