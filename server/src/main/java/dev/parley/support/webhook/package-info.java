/**
 * Customer service's outgoing webhooks (docs/adr/0023): an outbox written in the
 * transaction of each change, a sender on every instance that claims due deliveries with
 * a lease and posts them signed, with back-off, and the administrators' API.
 */
@NullMarked
package dev.parley.support.webhook;

import org.jspecify.annotations.NullMarked;
