/**
 * Calling routes: the router with retries, failover and a circuit breaker per target, the
 * upstream limiter and the routing status API.
 */
@NullMarked
package dev.parley.provider.routing;

import org.jspecify.annotations.NullMarked;
