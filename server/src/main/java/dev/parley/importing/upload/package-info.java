/**
 * The uploaded file as the readers need it: the raw body or the {@code file} part of a
 * multipart form, streamed, and within it the JSON documents (the file itself, or the
 * {@code conversations*.json} entries of a ChatGPT zip).
 */
@NullMarked
package dev.parley.importing.upload;

import org.jspecify.annotations.NullMarked;
