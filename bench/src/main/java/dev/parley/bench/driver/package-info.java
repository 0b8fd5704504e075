/**
 * The benchmark driver: open-loop streaming load against Parley and against the simulated
 * provider directly, side by side in one run, plus a capacity phase.
 */
package dev.parley.bench.driver;
