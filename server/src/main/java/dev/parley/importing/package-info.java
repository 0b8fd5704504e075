/**
 * Importing conversations from export files (Parley's own JSON, ChatGPT's, Open WebUI's)
 * into the caller's account, one conversation per transaction, with a report of what was
 * imported and what was skipped.
 */
@NullMarked
package dev.parley.importing;

import org.jspecify.annotations.NullMarked;
