/**
 * Agents (presets: system prompt, preset messages, greetings, suggested questions, model
 * parameters and a route of providers) and users' saved contexts.
 */
@NullMarked
package dev.parley.agent;

import org.jspecify.annotations.NullMarked;
