/**
 * One-time tickets that open a WebSocket: issued to an authenticated REST caller, kept as
 * digests in the database so that any instance redeems them, once.
 */
@NullMarked
package dev.parley.realtime.ticket;

import org.jspecify.annotations.NullMarked;
