package org.mlgov.console.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.mlgov.console.ConsoleApplication;
import org.mlgov.console.audit.web.AuditScaleBenchmark;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fills a fresh, empty database for {@code bench/pages.sh}: the console's migrations, then through the console's own
 * services (so that every row and audit event is what the console writes) 50 ML administrators
 * ({@code bench-admin-01} to {@code bench-admin-50}), a reviewer ({@code bench-reviewer}) and a help-desk user
 * ({@code bench-helpdesk}), all with the password {@code bench-password-1}; each administrator's drafts of the largest
 * realistic specification ({@link GeneratorBenchmark#largestRealisticSpec}) with every step saved, some of them
 * submitted for review; and then extra audit events written in bulk (as {@link AuditScaleBenchmark} does).
 * <p>
 * Arguments: JDBC URL, user, password ({@code -} for none), drafts per administrator (10), submitted per administrator (3), extra audit
 * events (1,000,000 on PostgreSQL). Prints the id of {@code bench-admin-01}'s newest draft and of the first
 * submitted draft as {@code draft-id=} and {@code review-id=} lines, for the pages that need an id.
 */
public final class PageBenchmarkData {

	static final int ADMINISTRATORS = 50;

	static final String PASSWORD = "bench-password-1";

	private PageBenchmarkData() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int perAdmin = Integer.parseInt(args[3]);
		int submittedPerAdmin = Integer.parseInt(args[4]);
		int auditRows = Integer.parseInt(args[5]);
		long started = System.nanoTime();
		// The whole console (its security configuration needs the web layer), on a port of its own nobody uses.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + args[1],
					"--spring.datasource.password=" + ("-".equals(args[2]) ? "" : args[2]), "--console.demo-users.enabled=false",
					// The bootstrap account is a console administrator (USER_ADMIN) only: the ML administrators follow.
					"--console.bootstrap-admin.username=bench-useradmin",
					"--console.bootstrap-admin.password=" + PASSWORD, "--console.aws.enabled=false",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			AppUserRepository users = context.getBean(AppUserRepository.class);
			String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
			List<String> admins = new ArrayList<>();
			for (int i = 1; i <= ADMINISTRATORS; i++) {
				String name = "bench-admin-%02d".formatted(i);
				admins.add(name);
				if (users.findAll().stream().noneMatch((u) -> u.username().equals(name))) {
					users.save(AppUser.create(name, "Bench Admin %02d".formatted(i), hash, Set.of(Role.ADMIN)));
				}
			}
			users.save(AppUser.create("bench-reviewer", "Bench Reviewer", hash, Set.of(Role.REVIEWER)));
			users.save(AppUser.create("bench-helpdesk", "Bench Help Desk", hash, Set.of(Role.HELPDESK)));

			DraftService drafts = context.getBean(DraftService.class);
			ReviewService reviews = context.getBean(ReviewService.class);
			DraftContent content = new DraftContent(
					GeneratorBenchmark.largestRealisticSpec(context.getBean(Catalog.class)), RoleMode.NEW_ROLE,
					new CanvasTargets("d-abc123def456", true, List.of()));
			long draftId = 0;
			long reviewId = 0;
			for (String admin : admins) {
				signIn(admin);
				for (int i = 1; i <= perAdmin; i++) {
					Draft draft = drafts.start("%s team role %02d".formatted(admin.substring(6), i), admin);
					for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS,
							WizardStep.CANVAS, WizardStep.COLLABORATION)) {
						draft = drafts.saveStep(draft.id(), step, content, draft.version(), admin);
					}
					if (i <= submittedPerAdmin) {
						reviews.submit(draft.id(), "Needed by the " + admin + " team", draft.version(), admin);
						reviewId = (reviewId == 0) ? draft.id() : reviewId;
					}
					else if (admin.equals(admins.get(0))) {
						draftId = draft.id();
					}
				}
			}
			SecurityContextHolder.clearContext();
			System.out.printf("Seeded %d administrators with %d drafts each (%d submitted each) in %s%n",
					admins.size(), perAdmin, submittedPerAdmin, Duration.ofNanos(System.nanoTime() - started));
			if (auditRows > 0) {
				long fillStarted = System.nanoTime();
				AuditScaleBenchmark.fill(context.getBean(DataSource.class), auditRows);
				System.out.printf("Added %,d audit events in %s%n", auditRows,
						Duration.ofNanos(System.nanoTime() - fillStarted));
			}
			if (url.startsWith("jdbc:postgresql:")) {
				// as autovacuum would after a load, so that the planner knows the tables' sizes
				try (var connection = context.getBean(DataSource.class).getConnection();
						var statement = connection.createStatement()) {
					connection.setAutoCommit(true);
					statement.execute("vacuum analyze");
				}
			}
			System.out.println("draft-id=" + draftId);
			System.out.println("review-id=" + reviewId);
		}
		finally {
			context.close();
		}
	}

	private static void signIn(String user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
	}

}
