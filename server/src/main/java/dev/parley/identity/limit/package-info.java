/**
 * Rate limits per user, API key and IP address, the daily token quota and login
 * throttling, in this process or in Redis.
 */
@NullMarked
package dev.parley.identity.limit;

import org.jspecify.annotations.NullMarked;
