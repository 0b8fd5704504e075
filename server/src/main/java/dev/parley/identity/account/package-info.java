/**
 * What people and administrators do with accounts: register, log in, profile and
 * password, user management, the first administrator.
 */
@NullMarked
package dev.parley.identity.account;

import org.jspecify.annotations.NullMarked;
