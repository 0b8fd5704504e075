/**
 * Who may call the old systems' routes: API keys, the anonymous callers of configured
 * networks bound to one user, and cross-origin pages.
 */
@NullMarked
package dev.parley.compat.access;

import org.jspecify.annotations.NullMarked;
