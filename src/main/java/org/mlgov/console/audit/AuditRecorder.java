package org.mlgov.console.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuditableEvent} to the audit trail. It listens synchronously, in the publisher's thread and
 * transaction: an insert that fails throws to the publisher and rolls its change back.
 */
@Component
class AuditRecorder {

	private final AuditEventRepository auditEvents;

	AuditRecorder(AuditEventRepository auditEvents) {
		this.auditEvents = auditEvents;
	}

	@EventListener
	void record(AuditableEvent event) {
		this.auditEvents.insert(AuditEvent.now(event.actor(), event.action(), event.subject(), event.detail(),
				RequestOrigin.remoteAddress()));
	}

}
