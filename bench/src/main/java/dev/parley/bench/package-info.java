/** The simulated LLM provider and the benchmark driver. */
package dev.parley.bench;
