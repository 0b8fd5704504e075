package dev.parley.chat.generation;

import dev.parley.cache.CachedReply;

/**
 * A reply's entry in the response cache: its key and, on a hit, the cached reply (null on
 * a miss, so the finished reply is stored under the key).
 */
record ReplyCaching(String key, CachedReply hit) {
}
