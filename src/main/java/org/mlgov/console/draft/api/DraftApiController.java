package org.mlgov.console.draft.api;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.web.CanvasFormData;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.preview.InvalidRequestException;
import org.mlgov.console.preview.JsonBody;
import org.mlgov.console.preview.SpecJsonReader;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drafts for scripts: {@code POST /api/drafts} creates a complete draft from a name and a role specification (the
 * body of {@code POST /api/role-preview}, read and validated the same way), {@code GET /api/drafts/{id}} reads one.
 * HTTP Basic or the browser session with its CSRF token; refusals are problem details ({@link DraftApiErrors}).
 */
@RestController
class DraftApiController {

	private final DraftService drafts;

	private final SpecJsonReader reader;

	DraftApiController(DraftService drafts, SpecJsonReader reader) {
		this.drafts = drafts;
		this.reader = reader;
	}

	@PostMapping(path = "/api/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<DraftJson> create(@RequestBody(required = false) String body, Authentication user) {
		JsonBody json = JsonBody.parse(body, "name", "specification", "roleMode", "canvasTargets");
		String name = json.text("name");
		if (name == null && (json.node("name") == null || json.node("name").isNull())) {
			json.error("name", "Required: the draft's name, 1 to " + Draft.NAME_LENGTH + " characters.");
		}
		else if (name != null && (name.isBlank() || name.strip().length() > Draft.NAME_LENGTH)) {
			json.error("name", "A draft name has 1 to " + Draft.NAME_LENGTH + " characters; this one has "
					+ name.strip().length() + ".");
		}
		RoleMode roleMode = roleMode(json);
		CanvasTargets targets = canvasTargets(json);
		JsonNode specification = json.node("specification");
		if (specification == null || specification.isNull()) {
			json.error("specification", "Required: the role specification, as for POST /api/role-preview.");
		}
		else if (!specification.isObject()) {
			json.error("specification", "Must be an object (the role specification, as for POST /api/role-preview), "
					+ "not " + JsonBody.kind(specification) + ".");
		}
		json.check();
		Draft draft;
		try {
			RoleSpec spec = this.reader.read(specification.toString());
			checkTargets(new DraftContent(spec, roleMode, targets));
			draft = this.drafts.createFrom(name, spec, roleMode, targets, user.getName());
		}
		catch (InvalidSpecException ex) {
			throw new InvalidSpecException(inSpecification(ex.errors()));
		}
		return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(DraftJson.of(draft));
	}

	@GetMapping(path = "/api/drafts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	DraftJson get(@PathVariable long id) {
		return DraftJson.of(this.drafts.getForReading(id));
	}

	private static RoleMode roleMode(JsonBody json) {
		String mode = json.text("roleMode");
		if (mode == null) {
			return RoleMode.NEW_ROLE;
		}
		return Arrays.stream(RoleMode.values()).filter((m) -> m.name().equals(mode)).findFirst().orElseGet(() -> {
			json.error("roleMode", "'" + mode + "' is not one of " + Arrays.toString(RoleMode.values()) + ".");
			return RoleMode.NEW_ROLE;
		});
	}

	/** Where the Canvas settings apply: optional, none by default. */
	private static CanvasTargets canvasTargets(JsonBody json) {
		JsonBody targets = json.object("canvasTargets", "domainId", "domainDefault", "userProfiles");
		if (targets == null) {
			return CanvasTargets.none();
		}
		String domainId = targets.text("domainId");
		return new CanvasTargets((domainId == null || domainId.isBlank()) ? null : domainId.strip(),
				targets.bool("domainDefault"), targets.texts("userProfiles").stream().map(String::strip).toList());
	}

	/**
	 * The rules of the wizard's Canvas step: a valid domain id when anything is targeted, valid and distinct user
	 * profiles, and a target when a Canvas feature is on.
	 * @throws InvalidRequestException with each broken rule, under {@code canvasTargets}
	 */
	private static void checkTargets(DraftContent content) {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "canvasTargets");
		new CanvasFormData().validate(content, errors);
		if (errors.hasFieldErrors()) {
			throw new InvalidRequestException(errors.getFieldErrors()
				.stream()
				.map((e) -> new FieldError("canvasTargets." + e.getField(), e.getDefaultMessage()))
				.toList());
		}
	}

	/** The errors of the specification, with paths from the request body ({@code specification.bedrock…}). */
	private static List<FieldError> inSpecification(List<FieldError> errors) {
		return errors.stream()
			.map((e) -> new FieldError(e.field().isEmpty() ? "specification"
					: e.field().startsWith("[") ? "specification" + e.field() : "specification." + e.field(),
					e.message()))
			.toList();
	}

}
