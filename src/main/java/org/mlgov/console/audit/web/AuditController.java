package org.mlgov.console.audit.web;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.audit.ProfileRoles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for security reviewers and the help desk, read-only: a filtered, paged table and the same
 * filters as a CSV download.
 */
@Controller
@PreAuthorize("hasAnyRole('REVIEWER','HELPDESK')")
class AuditController {

	static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
		.withZone(ZoneOffset.UTC);

	private final AuditEventRepository audit;

	private final Clock clock;

	private final ObjectProvider<ProfileRoles> profileRoles;

	AuditController(AuditEventRepository audit, Clock clock, ObjectProvider<ProfileRoles> profileRoles) {
		this.audit = audit;
		this.clock = clock;
		this.profileRoles = profileRoles;
	}

	/** The filters' query; a user profile also matches the events of the roles it runs with, where known. */
	private AuditQuery query(AuditFilters filters) {
		AuditQuery query = filters.getQuery();
		if (query.userProfile() == null) {
			return query;
		}
		ProfileRoles roles = this.profileRoles.getIfAvailable();
		return (roles != null) ? query.withProfileRoles(roles.roleNames(query.userProfile(), query.accountId()))
				: query;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("filters") AuditFilters filters, @RequestParam(required = false) String page,
			Model model, HttpServletRequest request) {
		AuditQuery query = query(filters);
		AuditPage events = AuditPage.load(this.audit, query, page);
		model.addAttribute("page", events);
		// The rows carry their texts and links, built from the context path once per page (see AuditRow).
		List<AuditRow> rows = AuditRow.of(events.events(), request.getContextPath());
		model.addAttribute("rows", rows);
		model.addAttribute("profileRoles", query.profileRoles());
		model.addAttribute("actions", ActionOption.all(filters.value("action")));
		// The page's markup is kept per AuditListPage: shown again as it was, it is a look-up.
		model.addAttribute("listPage",
				AuditListPage.of(filters, rows, events, query.profileRoles(), request.getContextPath()));
		return "audit/list";
	}

	@GetMapping("/audit.csv")
	void csv(@ModelAttribute("filters") AuditFilters filters, HttpServletResponse response) throws IOException {
		response.setContentType(CSV_CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("audit-" + FILE_TIME.format(this.clock.instant()) + ".csv")
			.build()
			.toString());
		AuditCsv csv = new AuditCsv(response.getWriter(), AuditCsv.MAX_ROWS);
		this.audit.search(query(filters), csv.eventsToRead(), csv);
		csv.finish();
	}

}
