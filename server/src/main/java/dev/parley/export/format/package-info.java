/**
 * The export formats: one streaming writer per format, fed by the conversation archive.
 */
@NullMarked
package dev.parley.export.format;

import org.jspecify.annotations.NullMarked;
