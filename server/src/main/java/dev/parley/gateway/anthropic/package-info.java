/**
 * Anthropic's Messages API ({@code POST /v1/messages}) served by the gateway: Anthropic's
 * requests, answers, stream events and error bodies, over the same routing and charging
 * as the OpenAI-compatible endpoint.
 */
@NullMarked
package dev.parley.gateway.anthropic;

import org.jspecify.annotations.NullMarked;
