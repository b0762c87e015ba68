package org.mlgov.console.preview;

import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/role-preview}: generates every document for a role specification without saving anything. For
 * ML administrators; browsers use their session and CSRF token, scripts HTTP Basic.
 */
@RestController
class RolePreviewController {

	private final PolicyGenerator generator;

	private final SpecJsonReader reader;

	private final ObjectMapper mapper;

	RolePreviewController(PolicyGenerator generator, SpecJsonReader reader, ObjectMapper mapper) {
		this.generator = generator;
		this.reader = reader;
		this.mapper = mapper;
	}

	@PostMapping(path = "/api/role-preview", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	RolePreviewResponse preview(@RequestBody(required = false) String body) {
		GenerationResult result = this.generator.generate(this.reader.read(body));
		return RolePreviewResponse.of(result, this.mapper);
	}

}
