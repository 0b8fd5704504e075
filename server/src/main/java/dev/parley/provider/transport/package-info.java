/**
 * The JDK HttpClient plumbing shared by the protocol adapters: upstream calls and
 * exchanges, SSE reading, the deadline watchdog and per-provider metrics.
 */
package dev.parley.provider.transport;
