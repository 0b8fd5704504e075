/**
 * Customer service's live events: to the staff's WebSocket topic and the customers'
 * widgets, once their transaction committed.
 */
@NullMarked
package dev.parley.support.live;

import org.jspecify.annotations.NullMarked;
