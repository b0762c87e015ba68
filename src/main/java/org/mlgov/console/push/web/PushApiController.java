package org.mlgov.console.push.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.push.LiveStateUnreadable;
import org.mlgov.console.push.PlannedStep;
import org.mlgov.console.push.Push;
import org.mlgov.console.push.PushPlan;
import org.mlgov.console.push.PushService;
import org.mlgov.console.push.PushStatus;
import org.mlgov.console.push.PushStep;
import org.mlgov.console.review.RevisionTamperedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push's JSON API for scripts (HTTP Basic or the browser session): the plan of a draft's approved revision, a
 * push (202, or 409 when the draft is not approved), and a push with its steps.
 */
@RestController
class PushApiController {

	private final PushService pushes;

	PushApiController(PushService pushes) {
		this.pushes = pushes;
	}

	@GetMapping(path = "/api/drafts/{id}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> plan(@PathVariable long id, Principal user) {
		PushPlan plan = this.pushes.plan(id, user.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("draftId", id);
		body.put("revision", plan.revision().number());
		body.put("documentsSha256", plan.revision().documentsSha256());
		body.put("accountId", plan.target().accountId());
		body.put("region", plan.target().region());
		body.put("roleName", plan.target().documents().role().name());
		body.put("changes", plan.changes());
		List<Map<String, Object>> steps = new java.util.ArrayList<>();
		int ordinal = 0;
		for (PlannedStep step : plan.steps()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("ordinal", ++ordinal);
			s.put("service", step.service());
			s.put("call", step.operation());
			s.put("target", step.target());
			s.put("arguments", step.arguments());
			s.put("change", step.changes() ? "CHANGE" : "NO_CHANGE");
			s.put("note", step.note());
			steps.add(s);
		}
		body.put("steps", steps);
		return body;
	}

	@PostMapping(path = "/api/drafts/{id}/push", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> push(@PathVariable long id, Principal user) {
		Push push = this.pushes.start(id, user.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("pushId", push.id());
		body.put("status", apiStatus(push.status()));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	@GetMapping(path = "/api/pushes/{pushId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> push(@PathVariable long pushId) {
		return this.pushes.find(pushId).map((push) -> ResponseEntity.ok(describe(push, this.pushes.steps(pushId))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "No push " + pushId + ".")));
	}

	static Map<String, Object> describe(Push push, List<PushStep> steps) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("pushId", push.id());
		body.put("draftId", push.draftId());
		body.put("revision", push.revision());
		body.put("accountId", push.accountId());
		body.put("roleName", push.roleName());
		body.put("status", apiStatus(push.status()));
		body.put("state", push.status().name());
		body.put("requestedBy", push.requestedBy());
		body.put("writeCalls", push.writeCalls());
		body.put("totalSteps", push.totalSteps());
		body.put("stepsDone", steps.stream().filter((s) -> s.finishedAt() != null).count());
		body.put("message", push.message());
		body.put("steps", steps.stream().map((s) -> {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("ordinal", s.ordinal());
			step.put("service", s.service());
			step.put("call", s.operation());
			step.put("target", s.target());
			step.put("arguments", s.arguments());
			step.put("outcome", s.outcome().name());
			step.put("awsRequestId", s.awsRequestId());
			step.put("errorCode", s.errorCode());
			step.put("message", s.message());
			return step;
		}).toList());
		return body;
	}

	/** QUEUED is RUNNING to a script: the push has been accepted and will run. */
	static String apiStatus(PushStatus status) {
		return (status == PushStatus.QUEUED) ? PushStatus.RUNNING.name() : status.name();
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ResponseEntity<Map<String, Object>> notApproved(IllegalTransitionException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(RevisionTamperedException.class)
	ResponseEntity<Map<String, Object>> tampered(RevisionTamperedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(LiveStateUnreadable.class)
	ResponseEntity<Map<String, Object>> unreadable(LiveStateUnreadable ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(Map.of("error", ex.getMessage(), "kind", ex.problem().kind().name()));
	}

}
