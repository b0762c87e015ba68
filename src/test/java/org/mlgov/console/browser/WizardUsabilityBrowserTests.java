package org.mlgov.console.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.Request;
import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an administrator trips over in the wizard, in a real browser (issue 15): Enter in a field means Next, leaving a
 * changed step asks first, the Canvas findings are shown on the steps where their choices are made, and rows are added
 * in place. The drafts are prepared through {@link DraftService} (the whole wizard through the UI is
 * {@link RoleWizardBrowserTests}); every page visited is checked with axe-core.
 */
class WizardUsabilityBrowserTests extends BrowserTestSupport {

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	/** A draft of admin, saved up to (not including) {@code reached}, with Canvas activities {@code activities}. */
	Draft draftReaching(WizardStep reached, String... activities) {
		return as("admin", () -> prepare(reached, activities), "ADMIN");
	}

	private Draft prepare(WizardStep reached, String... activities) {
		DraftContent content = DraftContent.empty()
			.withSpec(TestSpecs.bare("custom").withActivities(TestSpecs.activities(activities)));
		Draft draft = this.drafts.start("Usability " + reached.path(), "admin");
		for (WizardStep s : WizardStep.values()) {
			if (!reached.isAfter(s)) {
				break;
			}
			draft = this.drafts.saveStep(draft.id(), s, content, draft.version(), "admin");
		}
		return draft;
	}

	Draft saved(Draft draft) {
		return this.repository.findById(draft.id()).orElseThrow();
	}

	void openStep(Draft draft, WizardStep step) {
		this.page.navigate(url("/drafts/" + draft.id() + "/steps/" + step.path()));
		assertThat(this.page.textContent("#step-title")).isEqualTo(step.title());
	}

	@Test
	void enterInATextFieldSavesTheStepAndGoesToTheNextOneNotBack() {
		Draft draft = draftReaching(WizardStep.SUMMARY, "canvas-core-access");
		signIn("admin", "admin-pass");

		// Step 4: Enter in the domain id field is Next, not the step list's first step nor Back.
		openStep(draft, WizardStep.CANVAS);
		this.page.fill("#domainId", "d-enter0000001");
		this.page.press("#domainId", "Enter");
		this.page.waitForURL(url("/drafts/" + draft.id() + "/steps/collaboration"));
		assertThat(this.page.textContent("#saved")).isEqualTo("Saved \u201cCanvas settings\u201d.");
		assertThat(saved(draft).content().canvasTargets().domainId())
			.isEqualTo("d-enter0000001");

		// Step 5: Enter in a row of a list is Next as well.
		this.page.press("#corsBuckets0", "Enter");
		this.page.waitForURL(url("/drafts/" + draft.id() + "/steps/review"));
		assertThat(this.page.textContent("#saved")).isEqualTo("Saved \u201cCollaboration and evaluation\u201d.");
		axe();
	}

	@Test
	void leavingAChangedStepThroughTheNavigationAsksFirstAndSavingDoesNot() {
		Draft draft = draftReaching(WizardStep.SUMMARY, "canvas-core-access");
		signIn("admin", "admin-pass");
		openStep(draft, WizardStep.CANVAS);
		List<String> asked = new ArrayList<>();
		AtomicBoolean leave = new AtomicBoolean(false);
		this.page.onDialog((dialog) -> {
			asked.add(dialog.type() + ": " + dialog.message());
			if (leave.get()) {
				dialog.accept();
			}
			else {
				dialog.dismiss();
			}
		});

		// Unchanged: the navigation bar leaves without a word.
		this.page.click("#nav-items >> text=Catalogue");
		this.page.waitForURL(url("/catalog"));
		assertThat(asked).isEmpty();

		// Changed: the navigation bar asks; staying keeps what was typed, nothing is saved.
		openStep(draft, WizardStep.CANVAS);
		this.page.fill("#domainId", "d-typed0000001");
		this.page.click("#nav-items >> text=Catalogue");
		assertThat(asked).containsExactly("confirm: This step has changes that are not saved. Leave without saving them?"
				+ " (Next, Back and Save keep them.)");
		assertThat(this.page.url()).isEqualTo(url("/drafts/" + draft.id() + "/steps/canvas"));
		assertThat(this.page.inputValue("#domainId")).isEqualTo("d-typed0000001");

		// The breadcrumb asks too; leaving anyway drops the change.
		leave.set(true);
		this.page.click(".breadcrumb >> text=My drafts");
		this.page.waitForURL(url("/drafts"));
		assertThat(asked).hasSize(2);
		assertThat(saved(draft).content().canvasTargets().domainId()).isNull();

		// Saving with a step of the list does not ask.
		openStep(draft, WizardStep.CANVAS);
		asked.clear();
		leave.set(false);
		this.page.fill("#domainId", "d-saved0000001");
		this.page.click("#wizard-steps button:has-text('ML activities')");
		this.page.waitForURL(url("/drafts/" + draft.id() + "/steps/activities"));
		assertThat(asked).isEmpty();
		assertThat(saved(draft).content().canvasTargets().domainId())
			.isEqualTo("d-saved0000001");
	}

	@Test
	void canvasFindingsAreShownNextToTheirChoicesOnStepsTwoAndFour() {
		Draft draft = draftReaching(WizardStep.COLLABORATION, "canvas-data-prep");
		signIn("admin", "admin-pass");
		openStep(draft, WizardStep.CANVAS);
		assertThat(this.page.textContent("#canvas-link")).contains("step 2, ML activities", "Canvas Core Access");
		this.page.fill("#domainId", "d-canvas000001");
		this.page.check("input[type=checkbox][name='domainDefault']");
		this.page.check("input[type=checkbox][name='generativeAi']");
		previewSettled();
		assertThat(this.page.textContent("#finding-bedrock-ready")).contains(
				"Generative AI is on but ready-to-use models are off");
		assertThat(this.page.textContent("#finding-core-access")).contains(
				"Canvas settings are chosen but the role has no 'SageMaker Canvas Core Access' activity",
				"Select \u201cSageMaker Canvas Core Access\u201d on step 2");
		// The preview lists them by name, not only their number.
		assertThat(this.page.locator("#preview-findings .preview-finding[data-code=CANVAS_BEDROCK_WITHOUT_READY_TO_USE]")
			.textContent()).contains("ready-to-use models are off");
		screenshot("wizard-4-canvas-findings");
		axe();

		// Ticking ready-to-use models answers the first finding, beside it, at once.
		this.page.check("input[type=checkbox][name='readyToUseModels']");
		previewSettled();
		assertThat(this.page.locator("#finding-bedrock-ready .alert").count()).isZero();
		assertThat(this.page.locator("#finding-core-access .alert").count()).isEqualTo(1);
		this.page.click("#next");
		this.page.waitForURL(url("/drafts/" + draft.id() + "/steps/collaboration"));

		// Step 2 says the same beside the Canvas activities, until Core Access is ticked.
		openStep(draft, WizardStep.ACTIVITIES);
		assertThat(this.page.textContent("#canvas-link")).contains("Canvas settings", "either place is enough");
		assertThat(this.page.textContent("#group-canvas #finding-core-access")).contains(
				"has no 'SageMaker Canvas Core Access' activity");
		this.page.check("#activity-canvas-core-access");
		previewSettled();
		assertThat(this.page.locator("#finding-core-access .alert").count()).isZero();
		axe();
	}

	@Test
	void addARowAddsItInPlaceWithoutReloadingAndListsStartWithOneEmptyRow() {
		Draft draft = draftReaching(WizardStep.SUMMARY, "canvas-core-access");
		signIn("admin", "admin-pass");
		openStep(draft, WizardStep.COLLABORATION);
		// The lists start with one empty row to type in.
		assertThat(this.page.locator("#rows-corsBuckets input[type=text]").count()).isEqualTo(1);
		assertThat(this.page.inputValue("#corsBuckets0")).isEmpty();
		assertThat(this.page.locator("#rows-corsAllowedOrigins input[type=text]").count()).isEqualTo(1);
		// Nothing is ticked yet: no warning about the CORS rule's origins.
		assertThat(this.page.locator("#origin-warning .alert").count()).isZero();

		this.page.fill("#corsBuckets0", "usability-prompts");
		this.page.evaluate("() => { window.scrollTo(0, 200); window.notReloaded = true; }");
		List<Request> requests = new ArrayList<>();
		this.page.onRequest(requests::add);
		this.page.click("#rows-corsBuckets button.add-row");
		this.page.waitForSelector("#corsBuckets1");
		// In place: the same document (the marker survives), the new row has the focus, the typed row is kept.
		assertThat(this.page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
		assertThat(this.page.evaluate("() => document.activeElement.id")).isEqualTo("corsBuckets1");
		assertThat(this.page.inputValue("#corsBuckets0")).isEqualTo("usability-prompts");
		Request add = requests.stream().filter((r) -> r.method().equals("POST")).findFirst().orElseThrow();
		assertThat(add.url()).isEqualTo(url("/drafts/" + draft.id() + "/steps/collaboration"));
		assertThat(add.headers()).containsEntry("hx-request", "true");
		assertThat(add.postData()).contains("_action=add%3AcorsBuckets", "corsBuckets%5B0%5D=usability-prompts");

		// Removing a row works in place too.
		this.page.fill("#corsBuckets1", "usability-results");
		this.page.click("#rows-corsBuckets button[value='remove:corsBuckets:0']");
		this.page.waitForFunction("() => document.querySelectorAll('#rows-corsBuckets input[type=text]').length === 1"
				+ " && document.getElementById('corsBuckets0').value === 'usability-results'");
		assertThat(this.page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
		// Nothing was saved by either.
		assertThat(saved(draft).version()).isEqualTo(draft.version());
		axe();
	}

}
