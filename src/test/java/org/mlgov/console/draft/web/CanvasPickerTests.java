package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.FakeSageMakerDirectory;
import org.mlgov.console.draft.SageMakerDirectory.Entry;
import org.mlgov.console.draft.SageMakerDirectory.Listing;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Canvas step's picker of where the settings apply: the domains of the draft's account and Region and the user
 * profiles of the domain chosen, from the live directory (a fake here), as lists the fields offer; typed names still
 * count; when nothing can be listed, a muted line says why.
 */
@ConsoleTest
@Import(FakeSageMakerDirectory.Installed.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class CanvasPickerTests extends WizardStepTest {

	static final String DOMAIN = "d-abc123def456";

	@Autowired
	FakeSageMakerDirectory directory;

	@Override
	WizardStep step() {
		return WizardStep.CANVAS;
	}

	@BeforeEach
	void listTwoDomainsAndTheirProfiles() {
		this.directory.reset();
		this.directory.domains(TestSpecs.ACCOUNT, TestSpecs.REGION, Listing.of(List.of(
				new Entry(DOMAIN, "fraud-team", "InService"), new Entry("d-0987zyx65432", "marketing", "InService"))));
		this.directory.userProfiles(TestSpecs.ACCOUNT, TestSpecs.REGION, DOMAIN,
				Listing.of(List.of(new Entry("alice", null, "InService"), new Entry("bob", null, "Pending"))));
	}

	private static List<String> options(Document page, String datalist) {
		return page.select("datalist#" + datalist + " option").stream().map((o) -> o.attr("value")).toList();
	}

	@Test
	void theStepOffersTheDomainsOfTheAccountAndTheProfilesOfTheSavedDomain() throws Exception {
		Draft draft = draft();
		saveStep(draft, validContent().withCanvasTargets(new CanvasTargets(DOMAIN, false, List.of("alice"))));
		Document page = page(getStep(draft));
		assertThat(options(page, "domain-options")).containsExactly(DOMAIN, "d-0987zyx65432");
		assertThat(page.select("#domainId").attr("list")).isEqualTo("domain-options");
		assertThat(page.select("#domains-live").text()).isEqualTo("Domains in account 111122223333, us-east-1 "
				+ "(from AWS; pick one in the domain id field): d-abc123def456 fraud-team, d-0987zyx65432 marketing");
		assertThat(options(page, "profile-options")).containsExactly("alice", "bob");
		assertThat(page.select("#profiles-live").text())
			.isEqualTo("User profiles of d-abc123def456 (from AWS; pick them in the rows below): alice, bob");
		assertThat(page.select("#rows-userProfiles input[type=text]")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.attr("list")).isEqualTo("profile-options"));
		assertThat(page.select("#domainId").attr("hx-get"))
			.isEqualTo("/drafts/" + draft.id() + "/steps/canvas/directory");
		assertThat(this.directory.asked()).containsExactly("domains/111122223333/us-east-1",
				"profiles/111122223333/us-east-1/" + DOMAIN);
	}

	/**
	 * The step shown as saved goes through the page memo (StepPage) with the directory it lists in the key: the same
	 * directory again is the kept page, still asked of SageMaker on every showing, and a profile added there shows at
	 * once.
	 */
	@Test
	void aPageShownAgainIsKeptWithItsDirectoryAndADirectoryChangeShowsAtOnce() throws Exception {
		Draft draft = draft();
		saveStep(draft, validContent().withCanvasTargets(new CanvasTargets(DOMAIN, false, List.of("alice"))));
		MvcResult rendered = getStep(draft);
		MvcResult kept = getStep(draft);
		assertThat(rendered.getModelAndView().getModel()).containsKeys("stepPage", "targetOptions")
			.doesNotContainKey("keptPage");
		assertThat(kept.getModelAndView().getModel()).containsKey("keptPage").doesNotContainKeys("form", "preview");
		assertThat(options(page(kept), "profile-options")).containsExactly("alice", "bob");
		assertThat(this.directory.asked()).hasSize(4);

		this.directory.userProfiles(TestSpecs.ACCOUNT, TestSpecs.REGION, DOMAIN, Listing.of(List.of(
				new Entry("alice", null, "InService"), new Entry("bob", null, "InService"),
				new Entry("carol", null, "InService"))));
		MvcResult changed = getStep(draft);
		assertThat(changed.getModelAndView().getModel()).doesNotContainKey("keptPage");
		Document page = page(changed);
		assertThat(options(page, "profile-options")).containsExactly("alice", "bob", "carol");
		assertThat(page.select("#profiles-live").text())
			.isEqualTo("User profiles of d-abc123def456 (from AWS; pick them in the rows below): alice, bob, carol");
	}

	@Test
	void thePartialTwinListsTheProfilesOfTheDomainTypedAndAPostedPageToo() throws Exception {
		Draft draft = draft();
		MvcResult partial = this.mvc
			.perform(get("/drafts/{id}/steps/canvas/directory", draft.id()).param("domainId", DOMAIN))
			.andReturn();
		assertThat(partial.getResponse().getStatus()).isEqualTo(200);
		Document twin = page(partial);
		assertThat(twin.select("#aws-directory")).hasSize(1);
		assertThat(twin.select("#step-form")).isEmpty();
		assertThat(options(twin, "profile-options")).containsExactly("alice", "bob");

		// Without JavaScript: the page comes back with the profiles of the domain it was posted with.
		MvcResult posted = this.mvc.perform(postTo(draft, "").param("domainId", DOMAIN)
			.param("userProfiles[0]", "carol")
			.param("_action", "add:userProfiles")).andReturn();
		Document page = page(posted);
		assertThat(options(page, "profile-options")).containsExactly("alice", "bob");
		assertThat(rows(page, "userProfiles")).containsExactly("carol", "");
	}

	@Test
	void aNameTypedThatTheDirectoryDoesNotListIsSavedAsTyped() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "").param("readyToUseModels", "true")
			.param("domainId", DOMAIN)
			.param("userProfiles[0]", "bob")
			.param("userProfiles[1]", "not-listed-yet")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(saved(draft).content().canvasTargets())
			.isEqualTo(new CanvasTargets(DOMAIN, false, List.of("bob", "not-listed-yet")));
	}

	@Test
	void whenNothingCanBeListedAMutedLineSaysWhyInsteadOfAPicker() throws Exception {
		Draft draft = draft();
		this.directory.reset();
		Document page = page(getStep(draft));
		assertThat(page.select("datalist")).isEmpty();
		assertThat(page.select("#domainId").hasAttr("list")).isFalse();
		assertThat(page.select("#domains-live").hasClass("text-body-secondary")).isTrue();
		assertThat(page.select("#domains-live").text()).isEqualTo("The domains of account 111122223333 in us-east-1 "
				+ "cannot be listed: " + FakeSageMakerDirectory.OFF + " Type the domain id.");
		// Said once: the profiles are not asked for while the domains cannot be listed.
		assertThat(page.select("#profiles-live")).isEmpty();

		this.directory.domains(TestSpecs.ACCOUNT, TestSpecs.REGION, Listing.of(List.of(new Entry(DOMAIN, null, null))));
		Document twin = page(this.mvc
			.perform(get("/drafts/{id}/steps/canvas/directory", draft.id()).param("domainId", DOMAIN))
			.andReturn());
		assertThat(options(twin, "domain-options")).containsExactly(DOMAIN);
		assertThat(twin.select("#profiles-live").hasClass("text-body-secondary")).isTrue();
		assertThat(twin.select("#profiles-live").text()).isEqualTo("The user profiles of d-abc123def456 cannot be "
				+ "listed: " + FakeSageMakerDirectory.OFF + " Type their names.");
		assertThat(twin.select("datalist#profile-options")).isEmpty();

		Document noDomain = page(this.mvc.perform(get("/drafts/{id}/steps/canvas/directory", draft.id())).andReturn());
		assertThat(noDomain.select("#profiles-live").text())
			.isEqualTo("Enter or pick a domain id to list its user profiles.");
	}

	@Test
	void withoutAnAccountOrRegionOrWithAnInvalidDomainIdNothingIsAsked() throws Exception {
		Draft named = draft();
		Draft draft = this.drafts.start("No account yet", "admin");
		for (WizardStep s : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS)) {
			draft = this.drafts.saveStep(draft.id(), s, DraftContent.empty(), draft.version(), "admin");
		}
		Document page = page(getStep(draft));
		assertThat(page.select("#domains-live").text())
			.isEqualTo("The domains are listed from AWS once step 1 names the account and the Region.");
		assertThat(this.directory.asked()).isEmpty();

		page(this.mvc.perform(get("/drafts/{id}/steps/canvas/directory", named.id()).param("domainId", "D_1; drop"))
			.andReturn());
		assertThat(this.directory.asked()).containsExactly("domains/111122223333/us-east-1");
	}

	@Test
	void readersSeeTheValuesButNoPickerAndCannotAskForIt() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(get("/drafts/{id}/steps/canvas", draft.id())
			.with(user("admin2").roles("ADMIN"))).andReturn();
		assertThat(page(result).select("#aws-directory, datalist")).isEmpty();
		assertThat(this.mvc.perform(get("/drafts/{id}/steps/canvas/directory", draft.id())
			.with(user("admin2").roles("ADMIN"))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.directory.asked()).isEmpty();
	}

}
