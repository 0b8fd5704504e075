package dev.parley.gateway;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ModelParams;

/**
 * A checked gateway request in OpenAI's terms: a {@code POST /v1/chat/completions} body,
 * or what another protocol's endpoint (Anthropic's {@code /v1/messages}) mapped to it.
 *
 * @param model the model the client asked for, as sent
 * @param stream whether to answer as a stream of chunks
 * @param includeUsage whether a stream ends with a usage chunk
 * ({@code stream_options.include_usage})
 * @param messages the client's messages ({@code raw} is each message as sent)
 * @param params the sampling parameters the client set (null fields: not set)
 * @param extra every other field, passed to OpenAI-compatible upstreams unchanged (null
 * for none)
 */
public record CompletionRequest(String model, boolean stream, boolean includeUsage, List<ChatMessage> messages,
		ModelParams params, ObjectNode extra) {

}
