/**
 * The JSON rules of the web layer.
 */
@NullMarked
package dev.parley.platform.json;

import org.jspecify.annotations.NullMarked;
