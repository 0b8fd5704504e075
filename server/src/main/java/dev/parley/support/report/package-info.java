/**
 * Customer service's reports (conversations, handoffs, resolutions and response times by
 * inbox, agent or day, from SQL aggregates) and its Prometheus metrics (docs/adr/0023).
 */
@NullMarked
package dev.parley.support.report;

import org.jspecify.annotations.NullMarked;
