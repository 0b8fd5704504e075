/**
 * Accounts, login sessions and tokens, personal API keys and roles: who is calling, and
 * what they may do.
 */
@NullMarked
package dev.parley.identity;

import org.jspecify.annotations.NullMarked;
