package dev.parley.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chat feature ({@code parley.chat.*}).
 *
 * @param maxContentChars the longest message a user may send
 * @param contextMaxMessages the most history messages sent to the model with a new
 * message
 * @param contextMaxTokens the token budget of the context sent to the model (system
 * prompt, presets and history), counted with a real tokenizer
 * @param heartbeatInterval how often an idle stream gets an SSE comment line
 * @param resumeRetention how long a finished generation's events stay available for
 * resume
 * @param checkpointInterval how often the text of running replies is saved (one batch for
 * all of them), so a crash loses at most about this much of each reply
 * @param leaseTimeout after how long without a checkpoint a streaming reply counts as
 * abandoned
 * @param replyTimeout the longest a non-streaming request waits for its reply
 * @param instanceId this instance's name, stored on the replies it generates, so that it
 * marks its own leftovers interrupted at start-up; empty: an id generated once into the
 * data directory ({@code instances/1}, or the next free slot while another live process
 * holds that one)
 * @param storeRetryWindow how long storing a finished reply is retried while the database
 * is away before the stream ends with a {@code reply_not_stored} error
 */
@ConfigurationProperties("parley.chat")
public record ChatProperties(@DefaultValue("32000") int maxContentChars, @DefaultValue("50") int contextMaxMessages,
		@DefaultValue("16000") int contextMaxTokens, @DefaultValue("15s") Duration heartbeatInterval,
		@DefaultValue("10m") Duration resumeRetention, @DefaultValue("1s") Duration checkpointInterval,
		@DefaultValue("60s") Duration leaseTimeout, @DefaultValue("10m") Duration replyTimeout,
		@DefaultValue("") String instanceId, @DefaultValue("60s") Duration storeRetryWindow) {
}
