package org.mlgov.console.access.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.access.AccessService;
import org.mlgov.console.access.ProfileAudit;
import org.mlgov.console.access.RoleReadException;
import org.mlgov.console.access.RoleRef;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.policy.evaluation.EvaluationRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The help desk's JSON API: {@code POST /api/access-check} (evaluate requests against a role read live) and
 * {@code GET /api/profiles} (a domain's user profiles with their effective role and status). Read-only; for the
 * help desk, reviewers and administrators, HTTP Basic or the browser session.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
class AccessApiController {

	static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

	static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

	static final Pattern DOMAIN = Pattern.compile("d-(-*[a-z0-9]){1,61}");

	/** Requests per access check. */
	static final int MAX_REQUESTS = 200;

	private final AccessService access;

	private final ProfileAudit audit;

	private final ObjectMapper mapper;

	AccessApiController(AccessService access, ProfileAudit audit, ObjectMapper mapper) {
		this.access = access;
		this.audit = audit;
		this.mapper = mapper;
	}

	@PostMapping(path = "/api/access-check", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> check(@RequestBody(required = false) String body) {
		JsonNode json;
		try {
			json = (body == null || body.isBlank()) ? null : this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BadRequest("The body is not JSON: " + ex.getOriginalMessage());
		}
		if (json == null || !json.isObject()) {
			throw new BadRequest("Send a JSON object with accountId, roleName (or roleArn) and requests.");
		}
		String accountId = text(json, "accountId");
		String roleName = text(json, "roleName");
		String roleArn = text(json, "roleArn");
		if (roleName == null && roleArn != null) {
			RoleRef ref = RoleRef.of(roleArn);
			if (ref == null) {
				throw new BadRequest("roleArn is not an IAM role ARN: " + roleArn);
			}
			roleName = ref.roleName();
			if (accountId == null) {
				accountId = ref.accountId();
			}
			else if (!accountId.equals(ref.accountId())) {
				throw new BadRequest("roleArn names account " + ref.accountId() + ", not accountId " + accountId + ".");
			}
		}
		if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
			throw new BadRequest("accountId must be a 12-digit AWS account id.");
		}
		if (roleName == null || !ROLE_NAME.matcher(roleName).matches()) {
			throw new BadRequest("roleName (or roleArn) must name an IAM role.");
		}
		JsonNode requests = json.get("requests");
		if (requests == null || !requests.isArray() || requests.isEmpty()) {
			throw new BadRequest("requests must be a non-empty array of {action, resource, context}.");
		}
		if (requests.size() > MAX_REQUESTS) {
			throw new BadRequest("At most " + MAX_REQUESTS + " requests per check.");
		}
		List<EvaluationRequest> evaluations = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			evaluations.add(request(requests.get(i), i));
		}
		AccessService.Check check = this.access.check(accountId, roleName, evaluations);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("role", AccessJson.role(check.role()));
		answer.put("results", check.verdicts().stream().map(AccessJson::verdict).toList());
		return answer;
	}

	private static EvaluationRequest request(JsonNode node, int index) {
		String where = "requests[" + index + "]";
		if (node == null || !node.isObject()) {
			throw new BadRequest(where + " must be an object with action, resource and context.");
		}
		String action = text(node, "action");
		String resource = text(node, "resource");
		if (action == null || action.indexOf(':') <= 0) {
			throw new BadRequest(where + ".action must be service:Action, such as bedrock:InvokeModel.");
		}
		if (resource == null) {
			resource = "*";
		}
		Map<String, List<String>> context = new LinkedHashMap<>();
		JsonNode contextNode = node.get("context");
		if (contextNode != null && !contextNode.isNull()) {
			if (!contextNode.isObject()) {
				throw new BadRequest(where + ".context must be an object of key to value or array of values.");
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = contextNode.properties().iterator(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				List<String> values = new ArrayList<>();
				JsonNode value = entry.getValue();
				if (value.isArray()) {
					value.forEach((v) -> values.add(scalar(v, where, entry.getKey())));
				}
				else {
					values.add(scalar(value, where, entry.getKey()));
				}
				context.put(entry.getKey(), values);
			}
		}
		try {
			return new EvaluationRequest(action, resource, context);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequest(where + ": " + ex.getMessage());
		}
	}

	private static String scalar(JsonNode value, String where, String key) {
		if (value.isObject() || value.isArray() || value.isNull()) {
			throw new BadRequest(where + ".context." + key + " must be a string, number, boolean or array of them.");
		}
		return value.asString();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString().strip() : null;
	}

	@GetMapping(path = "/api/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> profiles(@RequestParam(required = false) String accountId,
			@RequestParam(required = false) String region, @RequestParam(required = false) String domainId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100000") int limit) {
		if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
			throw new BadRequest("accountId must be a 12-digit AWS account id.");
		}
		if (region != null && !region.isBlank() && !REGION.matcher(region).matches()) {
			throw new BadRequest("region must be an AWS Region such as eu-west-1.");
		}
		if (domainId == null || !DOMAIN.matcher(domainId).matches()) {
			throw new BadRequest("domainId must be a SageMaker domain id such as d-abc123.");
		}
		if (offset < 0 || limit < 1) {
			throw new BadRequest("offset must be 0 or more and limit 1 or more.");
		}
		ProfileAudit.DomainAudit result = this.audit.audit(accountId, this.access.region(region), domainId, q, offset,
				limit);
		if (result.problem() != null) {
			throw new RoleReadException(new AwsProblem(result.problemKind(), "SageMaker", "ListUserProfiles",
					result.problem()));
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("accountId", accountId);
		answer.put("region", result.region());
		answer.put("domainId", domainId);
		answer.put("domainDefaultExecutionRoleArn", result.domain().defaultExecutionRoleArn());
		answer.put("total", result.totalProfiles());
		answer.put("offset", offset);
		answer.put("profiles", result.profiles().stream().map(AccessJson::profile).toList());
		return answer;
	}

	@ExceptionHandler(RoleReadException.class)
	ResponseEntity<ProblemDetail> unreadable(RoleReadException ex, HttpServletRequest request) {
		HttpStatus status = AccessJson.status(ex.problem());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.problem().message());
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("kind", ex.problem().kind().name());
		problem.setProperty("service", ex.problem().service());
		problem.setProperty("operation", ex.problem().operation());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(BadRequest.class)
	ResponseEntity<ProblemDetail> badRequest(BadRequest ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A request the API cannot answer as sent. */
	static final class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}

	}

}
