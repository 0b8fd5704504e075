/**
 * What instances share when Redis is configured: the Redis client and the condition that
 * turns it on.
 */
@NullMarked
package dev.parley.platform.cluster;

import org.jspecify.annotations.NullMarked;
