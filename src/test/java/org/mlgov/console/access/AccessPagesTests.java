package org.mlgov.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The help desk's pages against a fake AWS: domains, profiles, a profile's model matrix, drift, history. */
@ConsoleTest
@Import(FakeLiveStateReader.Installed.class)
class AccessPagesTests {

	static final RequestPostProcessor HELPDESK = user("helpdesk").roles("HELPDESK");

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeLiveStateReader aws;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	PolicyGenerator generator;

	@BeforeEach
	void account() {
		this.aws.reset();
		AccessFixtures.install(this.aws);
	}

	private Document page(String url, RequestPostProcessor who) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(who)).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void listsTheDomainsAndTheProfilesWithTheirEffectiveRole() throws Exception {
		Document index = page("/access?accountId=" + AccessFixtures.ACCOUNT + "&region=eu-west-1", HELPDESK);
		assertThat(index.select("#domains .domain-link").eachText()).containsExactly("analytics");

		for (RequestPostProcessor who : List.of(HELPDESK, user("reviewer").roles("REVIEWER"),
				user("admin").roles("ADMIN"))) {
			Document profiles = page("/access/profiles?accountId=" + AccessFixtures.ACCOUNT
					+ "&region=eu-west-1&domainId=" + AccessFixtures.DOMAIN, who);
			assertThat(profiles.select("#profiles .profile-link").eachText()).containsExactly("alice", "bob");
			Element alice = profiles.selectFirst("#profiles tr[data-profile=alice]");
			assertThat(alice.select(".role-link").text()).isEqualTo(AccessFixtures.ROLE);
			assertThat(alice.attr("data-status")).isEqualTo("NOT_MANAGED");
			assertThat(profiles.selectFirst("#profiles tr[data-profile=bob]").select(".role-link").text())
				.isEqualTo(AccessFixtures.OTHER_ROLE);
		}
		Document search = page("/access/profiles?accountId=" + AccessFixtures.ACCOUNT + "&region=eu-west-1&domainId="
				+ AccessFixtures.DOMAIN + "&q=ALI", HELPDESK);
		assertThat(search.select("#profiles .profile-link").eachText()).containsExactly("alice");
	}

	@Test
	void aProfileShowsWhichModelsItsRoleMayUseAndWhichStatementDeniesClaude() throws Exception {
		Document detail = page("/access/profile?accountId=" + AccessFixtures.ACCOUNT + "&region=eu-west-1&domainId="
				+ AccessFixtures.DOMAIN + "&profile=alice", HELPDESK);
		assertThat(detail.select("#effective-role").text()).isEqualTo(AccessFixtures.ROLE_ARN);
		assertThat(detail.select("#role-source").text()).contains("user profile");
		Element opus = detail.select("#denied-models li")
			.stream()
			.filter((li) -> li.attr("data-model-id").equals(AccessFixtures.OPUS))
			.findFirst()
			.orElse(null);
		assertThat(opus).isNotNull();
		assertThat(opus.select(".deny-policy").text()).isEqualTo("ModelGuardrails");
		assertThat(opus.select(".deny-sid").text()).isEqualTo("DenyClaudeOpus");
		assertThat(detail.select("#model-matrix .model-cell[data-outcome=ALLOWED]").eachAttr("data-model-id"))
			.isNotEmpty()
			.allMatch((id) -> id.startsWith("anthropic."));
		assertThat(detail.select("#model-matrix .model-cell[data-outcome=IMPLICIT_DENY]").eachAttr("data-model-id"))
			.contains("amazon.titan-text-express-v1");
		// Canvas settings: Kendra from the profile, direct deployment from the domain default.
		assertThat(detail.select("#canvas-settings tr[data-setting=KendraSettings]").text()).contains("user profile");
		assertThat(detail.select("#canvas-settings tr[data-setting=DirectDeploySettings]").text())
			.contains("domain default");
		assertThat(detail.select("#canvas-features").text()).contains("DirectDeploySettings.Status is DISABLED");
		assertThat(detail.select("#policies .policy-document").eachAttr("data-policy")).containsExactly("ModelGuardrails",
				"CanvasInvoke");
		assertThat(detail.select("#not-managed")).hasSize(1);
	}

	@Test
	void anUnreadableProfileSaysWhyInsteadOfFailing() throws Exception {
		Document detail = page("/access/profile?accountId=" + AccessFixtures.ACCOUNT + "&region=eu-west-1&domainId="
				+ AccessFixtures.DOMAIN + "&profile=nobody", HELPDESK);
		assertThat(detail.select("#access-problem").text()).contains("nobody");
	}

	@Test
	void driftAgainstTheApprovedRevisionWithItsHistoryAndCsv() throws Exception {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		Draft submitted = fixtures.submitted("admin", "Data scientists");
		ReviewFixtures.as("reviewer",
				() -> this.reviews.approve(submitted.id(), submitted.currentRevision(), "fine", "reviewer"), "REVIEWER");
		GenerationResult result = this.generator.generate(spec);
		LiveRole pushed = FakeLiveStateReader.pushed(spec, result);
		Map<String, String> inline = new LinkedHashMap<>(pushed.inlinePolicies());
		inline.put("HandMade", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
				+ "\"Resource\":\"*\"}]}");
		LiveRole drifted = new LiveRole(pushed.accountId(), pushed.roleName(), pushed.arn(), pushed.path(),
				pushed.description(), pushed.maxSessionDurationSeconds(), null, pushed.trustPolicyJson(), inline,
				pushed.attachedPolicies(), pushed.tags());
		this.aws.role(spec.accountId(), spec.roleName(), LiveRead.found(drifted));
		this.aws.role(spec.accountId(), "Matching", LiveRead.found(pushed));
		String domain = "d-abc123def456";
		this.aws.domain(spec.accountId(), domain, LiveRead.found(new LiveDomain(spec.accountId(), "us-east-1", domain,
				"arn:aws:sagemaker:us-east-1:" + spec.accountId() + ":domain/" + domain, "analytics", "InService",
				pushed.arn(), result.canvasAppSettingsJson())));
		this.aws.userProfiles(spec.accountId(), domain,
				LiveRead.found(List.of(new UserProfileSummary(domain, "carol", "InService"))));
		this.aws.userProfile(spec.accountId(), domain, "carol", LiveRead.found(new LiveUserProfile(spec.accountId(),
				"us-east-1", domain, "carol", "arn:aws:sagemaker:us-east-1:" + spec.accountId() + ":user-profile/"
						+ domain + "/carol", "InService", null, null)));
		result.cors().forEach((cors) -> this.aws.bucketCors(spec.accountId(), cors.bucket(),
				LiveRead.found(new LiveBucketCors(spec.accountId(), "us-east-1", cors.bucket(), "[]", 0))));

		String query = "accountId=" + spec.accountId() + "&region=us-east-1&domainId=" + domain;
		Document drift = page("/access/drift?" + query, HELPDESK);
		assertThat(drift.select("#drift tr[data-profile=carol]").eachAttr("data-kind")).contains("POLICY_ADDED");
		if (!result.cors().isEmpty()) {
			assertThat(drift.select("#drift tr[data-profile=carol]").eachAttr("data-kind")).contains("CORS_CHANGED");
		}
		MvcResult csv = this.mvc.perform(get("/access/drift.csv?" + query).with(HELPDESK)).andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getContentAsString()).startsWith("domain_id,user_profile,")
			.contains("carol," + pushed.arn() + ",domain default,DRIFTED," + submitted.id() + ",1,POLICY_ADDED");

		Document role = page("/access/role?accountId=" + spec.accountId() + "&region=us-east-1&roleName="
				+ spec.roleName(), HELPDESK);
		assertThat(role.select("#released").text()).contains("approved by reviewer").contains("submitted by admin");
		assertThat(role.select("#drift-items li").eachAttr("data-kind")).contains("POLICY_ADDED");
		assertThat(role.select("#revisions").text()).contains("APPROVED by reviewer");
		assertThat(role.select("#role-events").text()).contains("admin").contains("reviewer");

		// The audit trail, by role and account, and by user profile (whose role the profile list just read).
		Document byRole = page("/audit?role=" + spec.roleName() + "&account=" + spec.accountId(), HELPDESK);
		assertThat(byRole.select("#audit-events .audit-actor").eachText()).contains("admin", "reviewer");
		assertThat(byRole.select("#audit-events .audit-role").eachText()).containsOnly(spec.roleName());
		Document byProfile = page("/audit?profile=carol", HELPDESK);
		assertThat(byProfile.select("#profile-roles").text()).contains(spec.roleName());
		assertThat(byProfile.select("#audit-events .audit-actor").eachText()).contains("admin", "reviewer");
		Document nobody = page("/audit?profile=nobody", HELPDESK);
		assertThat(nobody.select("#no-events")).hasSize(1);
	}

}
