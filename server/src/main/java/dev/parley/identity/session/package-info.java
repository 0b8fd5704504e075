/**
 * Login sessions: access tokens signed with the JWT secret, refresh tokens with reuse
 * detection, and their repository.
 */
@NullMarked
package dev.parley.identity.session;

import org.jspecify.annotations.NullMarked;
