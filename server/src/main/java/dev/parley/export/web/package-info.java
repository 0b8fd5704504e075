/**
 * The export routes: streamed exports, the administrators' export, and export jobs with
 * their downloads.
 */
@NullMarked
package dev.parley.export.web;

import org.jspecify.annotations.NullMarked;
