package org.mlgov.console.audit.web;

import java.util.List;

import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;

/**
 * One page of the audit table: the events, which page it is, and how many events match in all.
 *
 * @param events the events on this page, newest first
 * @param number the page number, from 1
 * @param pageCount how many pages there are, at least 1
 * @param total how many events match
 */
public record AuditPage(List<AuditEvent> events, int number, int pageCount, long total) {

	/** Events per page. */
	static final int SIZE = 50;

	/**
	 * Reads one page. A page number that is not a number, or is below 1, means the first page; one past the end
	 * means the last.
	 * @param audit the audit trail
	 * @param query the filters
	 * @param requested the page number as requested
	 * @return the page
	 */
	static AuditPage load(AuditEventRepository audit, AuditQuery query, String requested) {
		long total = audit.count(query);
		int pageCount = (int) Math.max(1, (total + SIZE - 1) / SIZE);
		int number = Math.min(pageCount, parse(requested));
		return new AuditPage(audit.search(query, (number - 1) * SIZE, SIZE), number, pageCount, total);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return this.number < this.pageCount;
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
