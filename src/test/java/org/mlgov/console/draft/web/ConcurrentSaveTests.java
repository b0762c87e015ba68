package org.mlgov.console.draft.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.RequestFrom;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two saves of the same version that both pass the aggregate's version check and meet at the database: another
 * window's save commits after this one loaded the draft and before it stores it. The later save gets the conflict
 * page that says who saved meanwhile and when, with the reload link, and what the other save stored stays.
 */
@ConsoleTest
@Import(ConcurrentSaveTests.ConcurrentSaveClock.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class ConcurrentSaveTests {

	static final Instant OTHER_SAVE = Instant.parse("2026-03-04T05:06:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	AuditEventRepository audit;

	@Autowired
	ConcurrentSaveClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * Arms the clock: the next save reads the time after loading the draft and before storing it, and then another
	 * window saves step 1 with this role name, in a transaction of its own that commits at once.
	 */
	private void anotherWindowSavesMeanwhile(Draft draft, String roleName) {
		TransactionTemplate ownTransaction = new TransactionTemplate(this.transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock.beforeNextSave(() -> RequestFrom.address("10.0.0.2", () -> ownTransaction.executeWithoutResult(
				(status) -> this.drafts.saveStep(draft.id(), WizardStep.BASICS, content(roleName), draft.version(),
						"admin"))));
	}

	private static DraftContent content(String roleName) {
		return DraftContent.empty()
			.withSpec(TestSpecs.custom(roleName).partition("aws").build());
	}

	private void assertConflictPage(MvcResult result, Draft draft) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#conflict p").get(1).text())
			.startsWith("admin saved it at 2026-03-04 05:06 UTC, after you loaded the page you submitted.");
		assertThat(page.select("#reload").attr("href")).isEqualTo("/drafts/" + draft.id());
	}

	@Test
	void aStepSavedMeanwhileInAnotherWindowIsAConflictThatSaysWhoAndWhenAndIsKept() throws Exception {
		Draft draft = this.drafts.start("Concurrent windows", "admin");
		anotherWindowSavesMeanwhile(draft, "SageMaker-OtherWindow");
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "111122223333")
			.param("region", "us-east-1")
			.param("roleName", "SageMaker-ThisWindow")
			.param("persona", "custom")
			.param("_action", "next")).andReturn();
		assertConflictPage(result, draft);

		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		assertThat(stored.content().spec().roleName()).isEqualTo("SageMaker-OtherWindow");
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.updatedAt()).isEqualTo(OTHER_SAVE);
		assertThat(this.audit.findByActor("admin", 500)).filteredOn((e) -> draft.id().equals(e.draftId()))
			.extracting(AuditEvent::action, AuditEvent::remoteAddress)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("DRAFT_CREATED", "127.0.0.1"),
					org.assertj.core.groups.Tuple.tuple("DRAFT_SAVED", "10.0.0.2"));
	}

	@Test
	void aRenameMeetingASaveAtTheDatabaseIsAConflictToo() throws Exception {
		Draft draft = this.drafts.start("Rename meets save", "admin");
		anotherWindowSavesMeanwhile(draft, "SageMaker-Saved");
		MvcResult result = this.mvc.perform(post("/drafts/{id}/rename", draft.id()).with(csrf())
			.param("name", "Renamed meanwhile")
			.param("version", "0")).andReturn();
		assertConflictPage(result, draft);
		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		assertThat(stored.name()).isEqualTo("Rename meets save");
		assertThat(stored.content().spec().roleName()).isEqualTo("SageMaker-Saved");
	}

	/**
	 * The system clock, with a hook: armed, the next reading of the time runs the hook first, and the readings made
	 * inside the hook give {@link #OTHER_SAVE}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ConcurrentSaveClock extends Clock {

		private volatile Runnable hook;

		private volatile boolean inHook;

		@Bean
		@Primary
		ConcurrentSaveClock concurrentSaveClock() {
			return this;
		}

		void beforeNextSave(Runnable hook) {
			this.hook = hook;
		}

		@Override
		public Instant instant() {
			Runnable armed = this.hook;
			if (armed != null) {
				this.hook = null;
				this.inHook = true;
				try {
					armed.run();
				}
				finally {
					this.inHook = false;
				}
			}
			return this.inHook ? OTHER_SAVE : Instant.now();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
