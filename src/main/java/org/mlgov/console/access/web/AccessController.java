package org.mlgov.console.access.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.access.AccessService;
import org.mlgov.console.access.Drift;
import org.mlgov.console.access.ProfileAudit;
import org.mlgov.console.access.RoleReadException;
import org.mlgov.console.live.LiveRead;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The help desk's pages, read-only: an account's domains, a domain's user profiles with their effective role and
 * status, the drift list (and its CSV), and the detail of a profile or role with its model matrix and history.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
class AccessController {

	/** Profiles per page. */
	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
		.withZone(ZoneOffset.UTC);

	private final AccessService access;

	private final ProfileAudit audit;

	private final Clock clock;

	AccessController(AccessService access, ProfileAudit audit, Clock clock) {
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The parameters as typed, and what is wrong with them. */
	record Target(String accountId, String region, String domainId, Map<String, String> errors) {

		static Target of(String accountId, String region, String domainId, boolean domainRequired) {
			Map<String, String> errors = new LinkedHashMap<>();
			String account = strip(accountId);
			String where = strip(region);
			String domain = strip(domainId);
			if (!account.isEmpty() && !AccessApiController.ACCOUNT.matcher(account).matches()) {
				errors.put("accountId", "Enter a 12-digit account number.");
			}
			if (!where.isEmpty() && !AccessApiController.REGION.matcher(where).matches()) {
				errors.put("region", "Enter a Region such as eu-west-1.");
			}
			if (!domain.isEmpty() && !AccessApiController.DOMAIN.matcher(domain).matches()) {
				errors.put("domainId", "Enter a domain id such as d-abc123def456.");
			}
			if (domainRequired && domain.isEmpty()) {
				errors.put("domainId", "Choose a domain.");
			}
			return new Target(account, where, domain, errors);
		}

		boolean usable() {
			return this.errors.isEmpty() && !this.accountId.isEmpty();
		}

		private static String strip(String value) {
			return (value == null) ? "" : value.strip();
		}

	}

	@GetMapping("/access")
	String index(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			Model model) {
		Target target = Target.of(accountId, region, null, false);
		model.addAttribute("target", target);
		model.addAttribute("region", this.access.region(target.region()));
		if (target.usable()) {
			LiveRead<?> domains = this.audit.domains(target.accountId(), this.access.region(target.region()));
			model.addAttribute("domains", domains.valueIfFound().orElse(null));
			model.addAttribute("problem", domains.problemIfFailed().map((p) -> p.message()).orElse(null));
		}
		return "access/index";
	}

	@GetMapping("/access/profiles")
	String profiles(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String domainId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, Model model) {
		Target target = Target.of(accountId, region, domainId, true);
		model.addAttribute("target", target);
		model.addAttribute("q", (q == null) ? "" : q.strip());
		if (!target.usable()) {
			return "access/index";
		}
		int number = parsePage(page);
		ProfileAudit.DomainAudit result = this.audit.audit(target.accountId(), this.access.region(target.region()),
				target.domainId(), q, (number - 1) * PAGE_SIZE, PAGE_SIZE);
		int pageCount = Math.max(1, (result.totalProfiles() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (number > pageCount) {
			number = pageCount;
			result = this.audit.audit(target.accountId(), this.access.region(target.region()), target.domainId(), q,
					(number - 1) * PAGE_SIZE, PAGE_SIZE);
		}
		model.addAttribute("audit", result);
		model.addAttribute("page", number);
		model.addAttribute("pageCount", pageCount);
		return "access/profiles";
	}

	@GetMapping("/access/drift")
	String drift(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String domainId, Model model) {
		Target target = Target.of(accountId, region, domainId, true);
		model.addAttribute("target", target);
		if (!target.usable()) {
			return "access/index";
		}
		model.addAttribute("audit", this.audit.audit(target.accountId(), this.access.region(target.region()),
				target.domainId(), null, 0, Integer.MAX_VALUE));
		return "access/drift";
	}

	@GetMapping("/access/drift.csv")
	void driftCsv(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String domainId, HttpServletResponse response) throws IOException {
		Target target = Target.of(accountId, region, domainId, true);
		if (!target.usable()) {
			response.sendError(400, "accountId and domainId are required: " + target.errors());
			return;
		}
		ProfileAudit.DomainAudit result = this.audit.audit(target.accountId(), this.access.region(target.region()),
				target.domainId(), null, 0, Integer.MAX_VALUE);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("drift-" + target.domainId() + "-" + FILE_TIME.format(this.clock.instant()) + ".csv")
			.build()
			.toString());
		PrintWriter out = response.getWriter();
		out.print("domain_id,user_profile,execution_role_arn,role_source,status,released_draft,released_revision,"
				+ "drift_kind,drift_subject,drift_description,problem\r\n");
		if (result.problem() != null) {
			out.print(csv(target.domainId(), "", "", "", "UNREADABLE", "", "", "", "", "", result.problem()));
		}
		for (ProfileAudit.ProfileRow row : result.profiles()) {
			String draft = (row.released() != null) ? Long.toString(row.released().draftId()) : "";
			String number = (row.released() != null) ? Integer.toString(row.released().number()) : "";
			if (row.drift().isEmpty()) {
				out.print(csv(row.domainId(), row.userProfileName(), row.executionRoleArn(), row.roleSource(),
						row.status().name(), draft, number, "", "", "", row.problem()));
			}
			for (Drift.Item item : row.drift()) {
				out.print(csv(row.domainId(), row.userProfileName(), row.executionRoleArn(), row.roleSource(),
						row.status().name(), draft, number, item.kind().name(), item.subject(), item.description(),
						row.problem()));
			}
		}
		out.flush();
	}

	/** One CSV line (RFC 4180); a cell that a spreadsheet would take for a formula is prefixed with a quote. */
	static String csv(String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			String cell = (cells[i] == null) ? "" : cells[i];
			if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
				cell = "'" + cell;
			}
			if (i > 0) {
				line.append(',');
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				line.append('"').append(cell.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(cell);
			}
		}
		return line.append("\r\n").toString();
	}

	@GetMapping("/access/profile")
	String profile(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String domainId, @RequestParam(required = false) String profile,
			Model model) {
		Target target = Target.of(accountId, region, domainId, true);
		model.addAttribute("target", target);
		if (!target.usable() || profile == null || profile.isBlank()) {
			return "access/index";
		}
		model.addAttribute("profileName", profile.strip());
		try {
			AccessService.ProfileDetail detail = this.access.profile(target.accountId(), target.region(),
					target.domainId(), profile.strip());
			model.addAttribute("profile", detail);
			model.addAttribute("detail", detail.role());
		}
		catch (RoleReadException ex) {
			model.addAttribute("problem", ex.problem().message());
		}
		return "access/detail";
	}

	@GetMapping("/access/role")
	String role(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
			@RequestParam(required = false) String roleName, Model model) {
		Target target = Target.of(accountId, region, null, false);
		model.addAttribute("target", target);
		if (!target.usable() || roleName == null || !AccessApiController.ROLE_NAME.matcher(roleName.strip()).matches()) {
			return "access/index";
		}
		try {
			model.addAttribute("detail", this.access.role(target.accountId(), roleName.strip(), target.region()));
		}
		catch (RoleReadException ex) {
			model.addAttribute("problem", ex.problem().message());
		}
		model.addAttribute("roleName", roleName.strip());
		return "access/detail";
	}

	/** The detail's JSON: the role as read and what it can do. */
	@GetMapping(path = "/access/role.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> roleJson(@RequestParam(required = false) String accountId,
			@RequestParam(required = false) String region, @RequestParam(required = false) String roleName) {
		Target target = Target.of(accountId, region, null, false);
		if (!target.usable() || roleName == null || !AccessApiController.ROLE_NAME.matcher(roleName.strip()).matches()) {
			return ResponseEntity.badRequest().body(Map.of("error", "accountId and roleName are required"));
		}
		try {
			AccessService.RoleDetail detail = this.access.role(target.accountId(), roleName.strip(), target.region());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("role", AccessJson.role(detail.role()));
			json.putAll(AccessJson.capabilities(detail.capabilities()));
			json.put("drift", detail.drift().stream().map(AccessJson::drift).toList());
			return ResponseEntity.ok(json);
		}
		catch (RoleReadException ex) {
			return ResponseEntity.status(AccessJson.status(ex.problem()))
				.body(Map.of("error", ex.problem().message(), "kind", ex.problem().kind().name()));
		}
	}

	private static int parsePage(String requested) {
		if (requested == null || !requested.strip().matches("[1-9]\\d{0,8}")) {
			return 1;
		}
		return Integer.parseInt(requested.strip());
	}

}
