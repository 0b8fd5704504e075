/**
 * The simulated LLM provider: OpenAI chat completions and Anthropic Messages over real
 * HTTP, with scripted latency, faults and usage, for Parley's tests and the benchmark.
 */
package dev.parley.bench.sim;
