package org.mlgov.console.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail from other modules (the help desk's history of a role or user profile), which reach it
 * through this service, never through {@link AuditEventRepository}.
 */
@Service
public class AuditTrail {

	private final AuditEventRepository events;

	AuditTrail(AuditEventRepository events) {
		this.events = events;
	}

	/**
	 * One page of the events that match a query, newest first.
	 * @param query the criteria
	 * @param offset how many to skip
	 * @param limit the most to return
	 * @return the events
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public List<AuditEvent> search(AuditQuery query, int offset, int limit) {
		return this.events.search(query, offset, limit);
	}

	/**
	 * How many events match a query.
	 * @param query the criteria
	 * @return the number
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public long count(AuditQuery query) {
		return this.events.count(query);
	}

}
