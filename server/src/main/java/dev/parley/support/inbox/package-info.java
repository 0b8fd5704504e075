/**
 * Inboxes: the website channel's settings (the answering agent, greeting, handoff rules,
 * business hours, identity verification, auto-assignment), managed by administrators.
 */
@NullMarked
package dev.parley.support.inbox;

import org.jspecify.annotations.NullMarked;
