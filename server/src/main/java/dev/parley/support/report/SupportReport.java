package dev.parley.support.report;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/admin/support/reports}: its rows, and the same figures
 * over every conversation of the period.
 */
record SupportReport(List<ReportRow> items, ReportRow totals) {

}
