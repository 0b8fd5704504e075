/**
 * The audit log of administrative actions.
 */
@NullMarked
package dev.parley.platform.audit;

import org.jspecify.annotations.NullMarked;
