/**
 * Search: finds text in the caller's own conversation titles and messages, as substrings
 * (Chinese included), ranked, with highlighted snippets, paged and filtered.
 */
@NullMarked
package dev.parley.search;

import org.jspecify.annotations.NullMarked;
