/**
 * The stored users (accounts) and the JDBC repository of their table.
 */
package dev.parley.identity.user;
