/**
 * Login sessions: access tokens signed with the JWT secret, refresh tokens with reuse
 * detection, and their repository.
 */
package dev.parley.identity.session;
