/**
 * The providers that can be called: the environment's, the stored ones built with their
 * key pools, and the demo.
 */
@NullMarked
package dev.parley.provider.catalog;

import org.jspecify.annotations.NullMarked;
