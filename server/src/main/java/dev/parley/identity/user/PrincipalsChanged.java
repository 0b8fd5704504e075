package dev.parley.identity.user;

/**
 * Published, synchronously and inside the writing transaction, whenever a write may
 * withdraw or change what a bearer credential stands for: a session revoked, an API key
 * deleted, a user's password, role or status changed. Whoever caches resolved credentials
 * drops them on it.
 *
 * @param what a short description for the log ({@code session revoked}, ...)
 */
public record PrincipalsChanged(String what) {

}
