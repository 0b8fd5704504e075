/**
 * Persistence helpers shared by every repository: ids, instants and migrations per
 * database vendor, and how a database that goes away is met (driver timeouts, the
 * {@code database-unavailable} problem).
 */
@NullMarked
package dev.parley.platform.persistence;

import org.jspecify.annotations.NullMarked;
