/**
 * Persistence helpers shared by every repository: ids, instants and migrations per
 * database vendor.
 */
@NullMarked
package dev.parley.platform.persistence;

import org.jspecify.annotations.NullMarked;
