/**
 * The stored users (accounts) and the JDBC repository of their table.
 */
@NullMarked
package dev.parley.identity.user;

import org.jspecify.annotations.NullMarked;
