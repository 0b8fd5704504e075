/**
 * The optional exact-match response cache for identical (agent, parameters, context)
 * requests, kept in this process or in Redis.
 */
@NullMarked
package dev.parley.cache;

import org.jspecify.annotations.NullMarked;
