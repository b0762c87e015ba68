package org.mlgov.console.draft.web;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every POST that carries the version of the draft it was loaded from (a {@code version} request parameter, or a
 * form object with a {@code version} property), found in the handler mappings so that a new one is covered: sent with
 * an older version (two open tabs, the other one saved), it answers the 409 conflict page, never the 500 page, and
 * changes no row. The live previews of the steps, which save nothing, answer without a conflict and change no row.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class StaleVersionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DraftService drafts;

	@Autowired
	JdbcTemplate jdbc;

	/** The POST patterns whose handler reads a version, each with the handler for the message. */
	private Map<String, String> versionedPosts() {
		Map<String, String> posts = new TreeMap<>();
		this.mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.contains(RequestMethod.POST) && readsAVersion(handler)) {
				info.getPatternValues().forEach((pattern) -> posts.put(pattern, handler.getShortLogMessage()));
			}
		});
		return posts;
	}

	private static boolean readsAVersion(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && ("version".equals(param.value()) || "version".equals(param.name())
					|| (param.value().isEmpty() && "version".equals(parameterName(parameter))))) {
				return true;
			}
			boolean formObject = parameter.hasParameterAnnotation(ModelAttribute.class)
					|| (!BeanUtils.isSimpleProperty(parameter.getParameterType())
							&& parameter.getParameterType().getName().startsWith("org.mlgov."));
			if (formObject) {
				PropertyDescriptor version = BeanUtils.getPropertyDescriptor(parameter.getParameterType(), "version");
				if (version != null && version.getWriteMethod() != null) {
					return true;
				}
			}
		}
		return false;
	}

	private static String parameterName(MethodParameter parameter) {
		parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
		return parameter.getParameterName();
	}

	private static DraftContent valid() {
		return DraftContent.empty()
			.withSpec(new RoleSpec(TestSpecs.ACCOUNT, TestSpecs.REGION, "aws", "SageMaker-Stale", null, null, null,
					null, null, "custom", TestSpecs.activities("canvas-core-access"), null, null, null, null, null,
					null, null));
	}

	/** admin's draft with every step saved, so that every versioned POST applies to it. */
	private Draft finishedDraft() {
		Draft draft = this.drafts.start("Stale version", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, valid(), draft.version(), "admin");
			}
		}
		return draft;
	}

	@Test
	void everyPostWithAStaleVersionAnswersTheConflictPageAndChangesNothing() throws Exception {
		// (the live previews of the steps read a version too, but save nothing: they must only not fail)
		Map<String, String> posts = versionedPosts();
		assertThat(posts).containsKeys("/drafts/{id}/submit", "/drafts/{id}/rename", "/drafts/{id}/steps/basics",
				"/drafts/{id}/steps/activities", "/drafts/{id}/steps/models", "/drafts/{id}/steps/canvas",
				"/drafts/{id}/steps/collaboration");
		// The drafts first: a request through the security filters clears the mock user of the calling thread.
		Map<String, Draft> draftsByPost = new TreeMap<>();
		posts.keySet().forEach((pattern) -> draftsByPost.put(pattern, finishedDraft()));
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, String> post : posts.entrySet()) {
			Draft draft = draftsByPost.get(post.getKey());
			String url = UriComponentsBuilder.fromPath(post.getKey()).buildAndExpand(Map.of("id", draft.id()))
				.toUriString();
			Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
			MvcResult result = this.mvc
				.perform(post(url).with(csrf())
					.param("version", String.valueOf(draft.version() - 1))
					.param("name", "Renamed in the other tab")
					.param("justification", "needed for the team")
					// what the basics step needs to be valid, so that only the version can refuse it
					.param("accountId", TestSpecs.ACCOUNT)
					.param("region", TestSpecs.REGION)
					.param("partition", "aws")
					.param("roleName", "SageMaker-Stale")
					.param("persona", "custom")
					.param("_action", "save"))
				.andReturn();
			int status = result.getResponse().getStatus();
			if (post.getKey().endsWith("/preview")) {
				// a preview saves nothing, so a stale version is not a conflict: it must just not fail or write
				if (status >= 500 || !DatabaseRows.of(this.jdbc).equals(before)) {
					failures.add(post.getKey() + " (preview) answered " + status + " or changed rows");
				}
				continue;
			}
			if (status != 409) {
				failures.add(post.getKey() + " (" + post.getValue() + ") answered " + status);
				continue;
			}
			String page = Jsoup.parse(result.getResponse().getContentAsString()).text();
			if (!page.contains("This draft was changed after you opened it") || !page.contains("admin")) {
				failures.add(post.getKey() + " answered 409 without the conflict page: " + page);
			}
			if (!DatabaseRows.of(this.jdbc).equals(before)) {
				failures.add(post.getKey() + " changed rows");
			}
		}
		assertThat(failures).isEmpty();
	}

}
