package dev.parley.chat;

import java.util.List;

/**
 * What one read of a generation's log returned: the events after the reader's position,
 * and whether the reader has now reached the terminal event.
 */
public record EventBatch(List<SequencedEvent> events, boolean ended) {
}
