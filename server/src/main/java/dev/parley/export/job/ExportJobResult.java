package dev.parley.export.job;

/**
 * What a finished export job recorded.
 *
 * @param messages the messages written
 * @param nextSince the cursor of the next incremental export
 */
public record ExportJobResult(long messages, String nextSince) {

}
