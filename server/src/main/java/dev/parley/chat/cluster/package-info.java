/**
 * The chat feature's shared state in a cluster: the generation event log in Redis
 * Streams, the one-generation-per-conversation lock with a lease in Redis, and stop
 * requests relayed over Redis pub/sub; each falls back to this instance's own while Redis
 * is away.
 */
@NullMarked
package dev.parley.chat.cluster;

import org.jspecify.annotations.NullMarked;
