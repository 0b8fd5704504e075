/**
 * The stored providers and their encrypted keys, and the JDBC repository of their tables.
 */
package dev.parley.provider.store;
