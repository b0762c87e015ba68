package org.mlgov.console.review.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Splits a frozen policy document into its statements for display, so that findings can be shown next to the
 * statement they point at. Used in templates as {@code @statementViews}.
 */
@Component("statementViews")
public class StatementViews {

	/** One statement: its Sid (may be null) and its JSON. */
	public record StatementView(String sid, String json) {
	}

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	public List<StatementView> of(String policyJson) {
		List<StatementView> out = new ArrayList<>();
		JsonNode document = MAPPER.readTree(policyJson);
		for (JsonNode statement : document.path("Statement")) {
			JsonNode sid = statement.get("Sid");
			out.add(new StatementView((sid == null) ? null : sid.asString(),
					MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(statement)));
		}
		return out;
	}

}
