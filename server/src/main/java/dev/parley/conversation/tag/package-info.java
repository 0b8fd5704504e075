/**
 * Tags: an owner's named, colored labels, put on conversations to find them again.
 */
@NullMarked
package dev.parley.conversation.tag;

import org.jspecify.annotations.NullMarked;
