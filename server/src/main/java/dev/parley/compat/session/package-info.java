/**
 * The old clients' free-form session ids, each naming one Parley conversation of its
 * user, made on first use; and the hand-over of a started reply to its event stream.
 */
@NullMarked
package dev.parley.compat.session;

import org.jspecify.annotations.NullMarked;
