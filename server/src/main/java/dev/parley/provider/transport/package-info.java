/**
 * The JDK HttpClient plumbing shared by the protocol adapters: upstream calls and
 * exchanges, SSE reading, the deadline watchdog and per-provider metrics.
 */
@NullMarked
package dev.parley.provider.transport;

import org.jspecify.annotations.NullMarked;
