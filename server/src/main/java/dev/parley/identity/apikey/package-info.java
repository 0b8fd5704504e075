/**
 * Personal API keys: their API, service and repository; secrets are stored only as
 * digests.
 */
@NullMarked
package dev.parley.identity.apikey;

import org.jspecify.annotations.NullMarked;
