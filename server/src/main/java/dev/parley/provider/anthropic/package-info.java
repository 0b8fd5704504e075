/**
 * The Anthropic Messages protocol: its adapter, its stream reader and the mapping of
 * requests and answers.
 */
package dev.parley.provider.anthropic;
