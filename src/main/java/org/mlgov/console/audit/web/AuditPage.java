package org.mlgov.console.audit.web;

import java.util.List;

import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;

/**
 * One page of the audit table: the events, which page it is, and how many events match in all, or, when more than
 * {@value #COUNT_LIMIT} match, a number they are known to exceed.
 * <p>
 * Counting stops after {@value #COUNT_LIMIT} events: a console that has run for a while keeps a million or more, and
 * counting every one of them on each showing of the unfiltered page cost about 80 ms on PostgreSQL, so that under 32
 * connections the page answered 32 requests/s with a p99 of 2.5 s (docs/benchmarks.md, ninth round); counting up to
 * 10,000 still made it the slowest page there. Past the limit the page says "more than", and a next page is offered
 * while the page after this one has events (read as one more row). A page number typed past the end still leads to
 * the last page: only then are all matches counted.
 *
 * @param events the events on this page, newest first
 * @param number the page number, from 1
 * @param pageCount how many pages there are, at least 1; if not {@code exact}, a number of full pages there are more
 * than
 * @param total how many events match; if not {@code exact}, a number of events there are more than
 * @param exact whether {@code total} and {@code pageCount} are the counts, or numbers they exceed
 */
public record AuditPage(List<AuditEvent> events, int number, int pageCount, long total, boolean exact) {

	/** Events per page. */
	static final int SIZE = 50;

	/** How far the page counts matching events: 20 pages. */
	static final int COUNT_LIMIT = 1_000;

	/**
	 * Reads one page. A page number that is not a number, or is below 1, means the first page; one past the end
	 * means the last.
	 * @param audit the audit trail
	 * @param query the filters
	 * @param requested the page number as requested
	 * @return the page
	 */
	static AuditPage load(AuditEventRepository audit, AuditQuery query, String requested) {
		return load(audit, query, requested, COUNT_LIMIT);
	}

	/** {@link #load(AuditEventRepository, AuditQuery, String)} counting no further than {@code countLimit}. */
	static AuditPage load(AuditEventRepository audit, AuditQuery query, String requested, int countLimit) {
		int number = parse(requested);
		long counted = audit.countUpTo(query, countLimit + 1L);
		if (counted <= countLimit) {
			return counted(audit, query, number, counted);
		}
		long offset = (long) (number - 1) * SIZE;
		List<AuditEvent> read = (offset < Integer.MAX_VALUE) ? audit.search(query, (int) offset, SIZE + 1) : List.of();
		if (read.isEmpty()) {
			// Past the end (a page number typed by hand): the full count finds the last page.
			return counted(audit, query, number, audit.count(query));
		}
		List<AuditEvent> events = List.copyOf(read.subList(0, Math.min(SIZE, read.size())));
		long lastRow = offset + events.size();
		if (read.size() <= SIZE) {
			// The last page: what it ends at is the count.
			return new AuditPage(events, number, number, lastRow, true);
		}
		long moreThan = Math.max(countLimit, lastRow);
		return new AuditPage(events, number, (int) (moreThan / SIZE), moreThan, false);
	}

	/** The page when every match was counted; a number past the end means the last page. */
	private static AuditPage counted(AuditEventRepository audit, AuditQuery query, int requested, long total) {
		int pageCount = (int) Math.max(1, (total + SIZE - 1) / SIZE);
		int number = Math.min(pageCount, requested);
		return new AuditPage(audit.search(query, (number - 1) * SIZE, SIZE), number, pageCount, total, true);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return !this.exact || this.number < this.pageCount;
	}

	/** The position of this page's first event among all matching events, from 1. */
	public long firstRow() {
		return (long) (this.number - 1) * SIZE + 1;
	}

	/** The position of this page's last event among all matching events. */
	public long lastRow() {
		return firstRow() + this.events.size() - 1;
	}

	private static int parse(String requested) {
		if (requested == null || !requested.strip().matches("[1-9]\\d{0,8}")) {
			return 1;
		}
		return Integer.parseInt(requested.strip());
	}

}
