package dev.parley.support.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support reports on each supported database, over conversations written with SQL: the
 * counts, rates, means and medians by inbox, by agent and by UTC day, the period's bounds
 * to the microsecond ({@code [from, to)}), every day of the period listed, and names of
 * inboxes that are gone left out.
 */
@OnEachDatabase
class SupportReportsContractTests {

	private static final Instant FROM = Instant.parse("2026-03-14T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");

	@Parameter
	DatabaseServer database;

	private SupportReports reports;

	private UUID sales;

	private UUID help;

	private UUID gone;

	private UUID alice;

	private UUID bob;

	@BeforeEach
	void rows() {
		SupportRows rows = new SupportRows(this.database.jdbc());
		rows.clear();
		this.reports = new SupportReports(new SupportReportQueries(this.database.jdbc(), this.database.dataSource()));
		this.sales = rows.inbox("Sales");
		this.help = rows.inbox("Help");
		this.gone = UUID.randomUUID();
		this.alice = rows.agent("Alice");
		this.bob = rows.agent("Bob");
		// 1: handed off after 5 min, first reply after 60 s, resolved after an hour
		Instant one = at("2026-03-14T10:00:00Z");
		rows.conversation(this.sales, this.alice, true, one, one.plusSeconds(300), one.plusSeconds(360),
				one.plusSeconds(3600));
		// 2: first reply 180 s after the handoff, still open
		Instant two = at("2026-03-14T12:00:00Z");
		rows.conversation(this.sales, this.alice, true, two, two.plusSeconds(30), two.plusSeconds(210), null);
		// 3: the last microsecond of the first day; the bot resolved it 600.000001 s
		// later
		Instant three = at("2026-03-14T23:59:59.999999Z");
		rows.conversation(this.sales, null, true, three, null, null, at("2026-03-15T00:10:00Z"));
		// 4: humans from the start (handed off at creation), reply after 120 s, resolved
		// after 2 h
		Instant four = at("2026-03-15T00:00:00Z");
		rows.conversation(this.help, this.bob, false, four, four, four.plusSeconds(120), four.plusSeconds(7200));
		// 5: the bot still answering
		rows.conversation(this.help, this.bob, true, at("2026-03-15T08:00:00Z"), null, null, null);
		// 6: first reply after 600 s, resolved after an hour
		Instant six = at("2026-03-15T09:00:00Z");
		rows.conversation(this.sales, this.alice, true, six, six.plusSeconds(60), six.plusSeconds(660),
				six.plusSeconds(3600));
		// outside the period on both sides
		rows.conversation(this.sales, this.alice, true, at("2026-03-13T23:59:59.999999Z"), null, null, null);
		rows.conversation(this.gone, this.bob, true, TO, TO.plusSeconds(1), TO.plusSeconds(11), null);
	}

	@Test
	void byInbox() {
		SupportReport report = this.reports.report(ReportGrouping.INBOX, new ReportPeriod(FROM, TO));
		assertThat(report.items()).containsExactly(
				new ReportRow(this.sales.toString(), "Sales", 4, 3, 1, 3, 0.75, 0.25, 280.0, 180.0, 2600.0),
				new ReportRow(this.help.toString(), "Help", 2, 0, 0, 1, 0.0, 0.0, 120.0, 120.0, 7200.0));
		// first responses 60, 180, 600, 120: the median of an even count is the mean of
		// the two middle ones
		assertThat(report.totals()).isEqualTo(new ReportRow(null, null, 6, 3, 1, 4, 0.6, 0.2, 240.0, 150.0, 3750.0));
	}

	@Test
	void byAgentWithTheUnassignedLast() {
		SupportReport report = this.reports.report(ReportGrouping.AGENT, new ReportPeriod(FROM, TO));
		assertThat(report.items()).containsExactly(
				new ReportRow(this.alice.toString(), "Alice", 3, 3, 0, 2, 1.0, 0.0, 280.0, 180.0, 3600.0),
				new ReportRow(this.bob.toString(), "Bob", 2, 0, 0, 1, 0.0, 0.0, 120.0, 120.0, 7200.0),
				new ReportRow(null, null, 1, 0, 1, 1, 0.0, 1.0, null, null, 600.0));
	}

	@Test
	void byUtcDay() {
		SupportReport report = this.reports.report(ReportGrouping.DAY, new ReportPeriod(FROM, TO));
		assertThat(report.items()).containsExactly(
				new ReportRow("2026-03-14", "2026-03-14", 3, 2, 1, 2, 2.0 / 3, 1.0 / 3, 120.0, 120.0, 2100.0),
				new ReportRow("2026-03-15", "2026-03-15", 3, 1, 0, 2, 0.5, 0.0, 360.0, 360.0, 5400.0));
	}

	@Test
	void everyDayOfThePeriodIsListedAndAGoneInboxHasNoName() {
		ReportPeriod later = new ReportPeriod(TO, TO.plus(Duration.ofDays(2)));
		assertThat(this.reports.report(ReportGrouping.DAY, later).items()).containsExactly(
				new ReportRow("2026-03-16", "2026-03-16", 1, 1, 0, 0, 1.0, 0.0, 10.0, 10.0, null),
				new ReportRow("2026-03-17", "2026-03-17", 0, 0, 0, 0, null, null, null, null, null));
		assertThat(this.reports.report(ReportGrouping.INBOX, later).items())
			.containsExactly(new ReportRow(this.gone.toString(), null, 1, 1, 0, 0, 1.0, 0.0, 10.0, 10.0, null));
		// a period that starts and ends within a day: that day alone
		ReportPeriod morning = new ReportPeriod(at("2026-03-14T09:00:00Z"), at("2026-03-14T11:00:00Z"));
		SupportReport report = this.reports.report(ReportGrouping.DAY, morning);
		assertThat(report.items()).extracting(ReportRow::key).containsExactly("2026-03-14");
		assertThat(report.totals().conversations()).isEqualTo(1);
		assertThat(this.reports.report(ReportGrouping.INBOX,
				new ReportPeriod(at("2027-01-01T00:00:00Z"), at("2027-01-02T00:00:00Z"))))
			.isEqualTo(
					new SupportReport(List.of(), new ReportRow(null, null, 0, 0, 0, 0, null, null, null, null, null)));
	}

	private static Instant at(String text) {
		return Instant.parse(text);
	}

}
