package org.mlgov.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 13: a corpus of bad input over the forms and the JSON API (control characters, HTML and script, template
 * expressions, wrong JSON types, Unicode IAM refuses, oversize values and lists). For every case: no 5xx; a refused
 * value gets a message at its field and changes no row; a page never holds a payload unescaped (the test looks for
 * the raw payload in the HTML); an API message never names a Java class.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTests {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** Control characters: refused in every text field. */
	static final List<String> CONTROL = List.of("nul\u0000name", "bell\u0007", "esc\u001b[31mred", "del\u007f",
			"nel\u0085line", "back\bspace", "form\ffeed", "vt\u000btab", "sep\u2028line");

	/** Markup and expressions: must never reach a page unescaped, nor be evaluated. */
	static final List<String> MARKUP = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"<svg/onload=alert(1)>", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::x",
			"javascript:alert(1)//<b>bold</b>", "'); drop table draft; --");

	/** Form fields of the basics step, with what each would be if valid. */
	static final Map<String, String> BASICS = new LinkedHashMap<>();
	static {
		BASICS.put("accountId", "111122223333");
		BASICS.put("region", "us-east-1");
		BASICS.put("partition", "aws");
		BASICS.put("roleName", "SageMaker-Corpus");
		BASICS.put("rolePath", "/service-role/");
		BASICS.put("description", "A role");
		BASICS.put("tags[0].key", "team");
		BASICS.put("tags[0].value", "ml");
		BASICS.put("maxSessionDurationSeconds", "3600");
		BASICS.put("permissionsBoundaryArn", "");
		BASICS.put("persona", "data-scientist");
	}

	static final String VALID_SPEC = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Api","persona":"data-scientist",
			 "description":"A role","tags":[{"key":"team","value":"ml"}],"maxSessionDurationSeconds":3600,
			 "activities":[{"id":"s3-bucket-access","parameters":{"S3Buckets":["ml-data"]}}],
			 "vpc":{"subnetIds":["subnet-0123456789abcdef0"],"securityGroupIds":["sg-0123456789abcdef0"]},
			 "bedrock":{"mode":"DENY_LISTED","denied":["ai21.j2-mid-v1"],"denyFineTuning":false},
			 "evaluation":{"automatic":true,"corsBuckets":["eval-bucket"]}}
			""";

	/** JSON pointers of the API's text values, with the field name its 400 must give. */
	static final Map<String, String> API_TEXT = new LinkedHashMap<>();
	static {
		API_TEXT.put("/accountId", "accountId");
		API_TEXT.put("/region", "region");
		API_TEXT.put("/roleName", "roleName");
		API_TEXT.put("/persona", "persona");
		API_TEXT.put("/description", "description");
		API_TEXT.put("/tags/0/key", "tags[0].key");
		API_TEXT.put("/tags/0/value", "tags[0].value");
		API_TEXT.put("/activities/0/id", "activities[0].id");
		API_TEXT.put("/activities/0/parameters/S3Buckets/0", "activities[0].parameters.S3Buckets[0]");
		API_TEXT.put("/vpc/subnetIds/0", "vpc.subnetIds[0]");
		API_TEXT.put("/bedrock/denied/0", "bedrock.denied[0]");
		API_TEXT.put("/evaluation/corsBuckets/0", "evaluation.corsBuckets[0]");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	private Draft editable;

	private Draft submitted;

	@BeforeAll
	void drafts() {
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		this.editable = fixtures.finished("admin", "Corpus editable");
		this.submitted = fixtures.submitted("admin2", "Corpus submitted");
	}

	// ---------------------------------------------------------------- the cases

	static Stream<Arguments> formCases() {
		List<Arguments> cases = new ArrayList<>();
		for (String payload : CONTROL) {
			cases.add(Arguments.of("new draft name", payload));
			cases.add(Arguments.of("rename", payload));
			cases.add(Arguments.of("comment", payload));
			cases.add(Arguments.of("reject reason", payload));
			cases.add(Arguments.of("approve comment", payload));
			cases.add(Arguments.of("justification", payload));
			for (String field : List.of("roleName", "description", "tags[0].key", "tags[0].value", "accountId",
					"rolePath", "permissionsBoundaryArn")) {
				cases.add(Arguments.of("basics " + field, payload));
			}
		}
		for (String payload : MARKUP) {
			cases.add(Arguments.of("new draft name", payload));
			cases.add(Arguments.of("rename", payload));
			cases.add(Arguments.of("comment", payload));
			for (String field : List.of("accountId", "region", "roleName", "rolePath", "description", "tags[0].key",
					"tags[0].value", "maxSessionDurationSeconds", "permissionsBoundaryArn", "persona")) {
				cases.add(Arguments.of("basics " + field, payload));
			}
		}
		// Unicode that IAM refuses in names, ARNs of the wrong kind, oversize values
		for (String payload : List.of("R\u00f4le", "\u0440\u043e\u043b\u044c", "role\u200bname", "\uff32ole",
				"r".repeat(65), "arn:aws:iam::111122223333:user/x", "x".repeat(5000))) {
			for (String field : List.of("roleName", "permissionsBoundaryArn", "rolePath")) {
				cases.add(Arguments.of("basics " + field, payload));
			}
		}
		for (String payload : List.of("-1", "1e9", "0x10", "3600.5", "99999999999999999999", "NaN")) {
			cases.add(Arguments.of("basics maxSessionDurationSeconds", payload));
		}
		cases.add(Arguments.of("new draft name", "n".repeat(201)));
		cases.add(Arguments.of("rename", "n".repeat(201)));
		cases.add(Arguments.of("comment", "c".repeat(10_001)));
		return cases.stream();
	}

	static Stream<Arguments> apiCases() {
		List<Arguments> cases = new ArrayList<>();
		for (Map.Entry<String, String> field : API_TEXT.entrySet()) {
			for (String payload : CONTROL.subList(0, 5)) {
				cases.add(Arguments.of("control " + field.getValue(), set(field.getKey(), MAPPER.getNodeFactory().textNode(payload)),
						field.getValue()));
			}
			cases.add(Arguments.of("number for text " + field.getValue(),
					set(field.getKey(), MAPPER.getNodeFactory().numberNode(42)), field.getValue()));
			cases.add(Arguments.of("boolean for text " + field.getValue(),
					set(field.getKey(), MAPPER.getNodeFactory().booleanNode(true)), field.getValue()));
			cases.add(Arguments.of("object for text " + field.getValue(),
					set(field.getKey(), MAPPER.createObjectNode().put("x", 1)), field.getValue()));
			if (!field.getValue().equals("description")) {
				// IAM accepts < and > in a description: JSON is no page, so it needs no refusal there
				cases.add(Arguments.of("markup " + field.getValue(), set(field.getKey(),
						MAPPER.getNodeFactory().textNode("<script>alert(1)</script>")), field.getValue()));
			}
		}
		for (JsonNode wrong : List.of(MAPPER.getNodeFactory().textNode("3600"), MAPPER.getNodeFactory().numberNode(3600.9999),
				MAPPER.getNodeFactory().booleanNode(true), MAPPER.getNodeFactory().textNode(""), MAPPER.createArrayNode().add(3600),
				MAPPER.createObjectNode(), MAPPER.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999")))) {
			cases.add(Arguments.of("maxSession " + wrong, set("/maxSessionDurationSeconds", wrong),
					"maxSessionDurationSeconds"));
		}
		for (JsonNode wrong : List.of(MAPPER.getNodeFactory().textNode("true"), MAPPER.getNodeFactory().numberNode(1),
				MAPPER.getNodeFactory().textNode("yes"), MAPPER.createArrayNode())) {
			cases.add(Arguments.of("automatic " + wrong, set("/evaluation/automatic", wrong), "evaluation.automatic"));
			cases.add(Arguments.of("denyFineTuning " + wrong, set("/bedrock/denyFineTuning", wrong),
					"bedrock.denyFineTuning"));
		}
		for (JsonNode wrong : List.of(MAPPER.getNodeFactory().textNode("subnet-0123456789abcdef0"),
				MAPPER.getNodeFactory().numberNode(1), MAPPER.createObjectNode())) {
			cases.add(Arguments.of("subnetIds " + wrong, set("/vpc/subnetIds", wrong), "vpc.subnetIds"));
			cases.add(Arguments.of("tags " + wrong, set("/tags", wrong), "tags"));
		}
		return cases.stream();
	}

	/** The valid specification with one value replaced. */
	static String set(String pointer, JsonNode value) {
		ObjectNode spec = (ObjectNode) MAPPER.readTree(VALID_SPEC);
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = spec.at(pointer.substring(0, slash));
		String last = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else {
			((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
		}
		return spec.toString();
	}

	@Test
	void theCorpusHasAtLeast250Cases() {
		assertThat(formCases().count() + apiCases().count()).isGreaterThanOrEqualTo(250);
	}

	// ---------------------------------------------------------------- the forms

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username, String role) {
		return request.with(user(username).roles(role)).with(csrf());
	}

	@ParameterizedTest(name = "[{index}] {0}: {1}")
	@MethodSource("formCases")
	void formsRefuseBadInputAtTheFieldChangeNothingAndEscapeEverything(String target, String payload)
			throws Exception {
		boolean refusable = CONTROL.contains(payload) || !MARKUP.contains(payload) || target.startsWith("basics ");
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		MvcResult result = this.mvc.perform(formRequest(target, payload)).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).as("status").isLessThan(500).isNotEqualTo(403);
		String html = result.getResponse().getContentAsString();
		if (htmlSpecial(payload)) {
			assertThat(html).as("raw payload in the page").doesNotContain(payload);
		}
		String message = fieldMessage(target, result);
		if (refusable && !acceptableAsIs(target, payload)) {
			assertThat(message).as("message at the field for %s", target).isNotBlank();
			assertThat(DatabaseRows.of(this.jdbc)).as("rows after a refused value").isEqualTo(before);
		}
		if (CONTROL.contains(payload)) {
			assertThat(message).as("message for a control character").isNotBlank();
		}
	}

	private static boolean htmlSpecial(String payload) {
		return payload.chars().anyMatch((c) -> "<>\"'&".indexOf(c) >= 0);
	}

	/** After the forms: the markup that was stored (names, comments, a description) shows escaped wherever listed. */
	@Test
	@Order(Integer.MAX_VALUE)
	void everyPageThatListsTheStoredPayloadsShowsThemEscaped() throws Exception {
		Integer stored = this.jdbc.queryForObject("select count(*) from draft where name like '%<script>%'",
				Integer.class);
		assertThat(stored).as("drafts named with a script").isPositive();
		List<String> pages = new ArrayList<>(List.of("/drafts", "/drafts?all=true", "/reviews", "/audit",
				"/reviews/" + this.submitted.id(), "/drafts/" + this.editable.id() + "/steps/basics",
				"/drafts/" + this.editable.id() + "/steps/review"));
		this.jdbc.queryForList("select id from draft where name like '%<%'", Long.class)
			.forEach((id) -> pages.add("/drafts/" + id + "/steps/basics"));
		for (String page : pages) {
			MvcResult result = this.mvc.perform(get(page).with(user("reviewer").roles("ADMIN", "REVIEWER", "HELPDESK")))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(page).isLessThan(500);
			String shown = result.getResponse().getContentAsString();
			for (String markup : MARKUP) {
				if (htmlSpecial(markup)) {
					assertThat(shown).as("raw %s on %s", markup, page).doesNotContain(markup);
				}
			}
		}
	}

	/**
	 * Markup in a free text (a draft name, a comment) is a valid text, shown escaped; so is any printable Latin-1
	 * text in a role description, which IAM accepts. Every other field of the basics step refuses it.
	 */
	private static boolean acceptableAsIs(String target, String payload) {
		if (target.startsWith("basics ")) {
			return MARKUP.contains(payload) && target.equals("basics description");
		}
		return MARKUP.contains(payload);
	}

	private MockHttpServletRequestBuilder formRequest(String target, String payload) {
		long id = this.editable.id();
		long submittedId = this.submitted.id();
		return switch (target) {
			case "new draft name" -> as(post("/drafts").param("name", payload), "admin", "ADMIN");
			case "rename" -> as(post("/drafts/{id}/rename", id).param("name", payload)
				.param("version", String.valueOf(version(id))), "admin", "ADMIN");
			case "comment" -> as(post("/reviews/{id}/comments", submittedId).param("body", payload), "reviewer",
					"REVIEWER");
			case "reject reason" -> as(post("/reviews/{id}/reject", submittedId).param("revision", "1").param("reason", payload), "reviewer",
					"REVIEWER");
			case "approve comment" -> as(post("/reviews/{id}/approve", submittedId).param("revision", "1").param("comment", payload),
					"reviewer", "REVIEWER");
			case "justification" -> as(post("/drafts/{id}/submit", id).param("justification", payload)
				.param("version", String.valueOf(version(id))), "admin", "ADMIN");
			default -> basics(target.substring("basics ".length()), payload, id);
		};
	}

	/** The stored version (read directly: the services want a signed-in caller, the test thread has none). */
	private long version(long draftId) {
		return this.jdbc.queryForObject("select version from draft where id = ?", Long.class, draftId);
	}

	private MockHttpServletRequestBuilder basics(String field, String payload, long id) {
		MockHttpServletRequestBuilder request = post("/drafts/{id}/steps/basics", id)
			.param("version", String.valueOf(version(id)))
			.param("_action", "next");
		BASICS.forEach((name, value) -> request.param(name, name.equals(field) ? payload : value));
		return as(request, "admin", "ADMIN");
	}

	/** The message the user sees at the field: on the page answered, or in the flash of the redirect. */
	private static String fieldMessage(String target, MvcResult result) throws Exception {
		Map<String, Object> flash = result.getFlashMap();
		switch (target) {
			case "new draft name":
				return (String) flash.get("nameError");
			case "comment":
				return (String) flash.get("commentError");
			case "reject reason":
				return (String) flash.get("reasonError");
			case "approve comment":
				return (String) flash.get("approveError");
			case "justification":
				Object errors = flash.get("submitErrors");
				return (errors != null) ? errors.toString() : null;
			case "rename": {
				Document page = Jsoup.parse(result.getResponse().getContentAsString());
				return page.select("[id^=rename-error-]").text();
			}
			default: {
				String field = target.substring("basics ".length());
				Document page = Jsoup.parse(result.getResponse().getContentAsString());
				String id = field.replace("[", "").replace("]", "").replace(".", "");
				String message = page.select("[id=\"" + field + "-errors\"], [id=\"" + id + "-errors\"]").text();
				return message.isBlank() ? page.select("#validation-summary").text() : message;
			}
		}
	}

	// ---------------------------------------------------------------- the API

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("apiCases")
	void theApiRefusesBadInputWithTheFieldInTheUsersTerms(String name, String body, String field) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
		String text = result.getResponse().getContentAsString();
		assertThat(text).doesNotContain("java.", "org.mlgov", "tools.jackson", "Cannot deserialize", "`");
		JsonNode problem = MAPPER.readTree(text);
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> {
			fields.add(e.get("field").asString());
			assertThat(e.get("message").asString()).isNotBlank();
		});
		assertThat(fields).as(text).contains(field);
	}

}
