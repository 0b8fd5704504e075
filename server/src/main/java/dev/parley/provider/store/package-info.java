/**
 * The stored providers and their encrypted keys, and the JDBC repository of their tables.
 */
@NullMarked
package dev.parley.provider.store;

import org.jspecify.annotations.NullMarked;
