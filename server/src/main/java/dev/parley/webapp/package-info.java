/**
 * Serves the web app (built from {@code web/} into the jar's static resources) at
 * {@code /}, with every client-side route answered by its {@code index.html}.
 */
@NullMarked
package dev.parley.webapp;

import org.jspecify.annotations.NullMarked;
