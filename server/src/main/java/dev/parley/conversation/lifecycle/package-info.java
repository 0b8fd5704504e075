/**
 * The conversation lifecycle job, once per cluster: it stores the statuses that changed
 * (active, idle, expired) and applies the retention policy, in small batches.
 */
@NullMarked
package dev.parley.conversation.lifecycle;

import org.jspecify.annotations.NullMarked;
