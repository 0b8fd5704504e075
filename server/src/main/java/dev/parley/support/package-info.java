/**
 * Customer service: inboxes with their website widget, visitors and contacts, support
 * conversations (status, priority, assignee, labels), the handoff between the AI and
 * human agents with its ownership lock, the agents' inbox, webhooks and reports
 * (docs/adr/0022).
 */
@NullMarked
package dev.parley.support;

import org.jspecify.annotations.NullMarked;
