/**
 * Seeds 000/001's Flask routes: {@code /api/chat}, {@code /api/chat-stream} and
 * {@code /api/conversations/...}, with their field names and {@code error} member.
 */
@NullMarked
package dev.parley.compat.flask;

import org.jspecify.annotations.NullMarked;
