/**
 * Personal API keys: their API, service and repository; secrets are stored only as
 * digests.
 */
package dev.parley.identity.apikey;
