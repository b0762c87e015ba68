package org.mlgov.console.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Audit scale, on the embedded default and on the production database: fills an H2 file database (PostgreSQL mode),
 * then an embedded PostgreSQL (zonky's binaries, as the Postgres tests use), each with the application's Flyway
 * migrations, with {@code rows} audit events (default 1,000,000) inserted in bulk, then times the audit page as the controller reads
 * it ({@link AuditPage#load}: the first page of 50 and the count of matching events up to
 * {@link AuditPage#COUNT_LIMIT}) for each filter, and the CSV export (capped at
 * {@link AuditCsv#MAX_ROWS}) into a writer that discards it. Each case runs 2 times to warm up, then 7 times
 * measured; the median and the slowest are printed and appended to {@code target/benchmark-results.txt}.
 * H2's query cache is off ({@code QUERY_CACHE_SIZE=0}): a live audit table changes with every sign-in, so
 * repeated runs must not be answered from it. PostgreSQL is vacuumed and analysed after the load, as autovacuum
 * would soon do. Arguments: the results file, optionally the number of rows, and optionally which databases
 * ({@code h2,postgresql}, the default, or one of them).
 */
public final class AuditScaleBenchmark {

	private static final int WARMUP = 2;

	private static final int MEASURED = 7;

	private AuditScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path results = Path.of(args.length > 0 ? args[0] : "target/benchmark-results.txt");
		int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		String databases = args.length > 2 ? args[2] : "h2,postgresql";
		List<String> lines = new ArrayList<>();
		if (databases.contains("h2")) {
			Path dir = Files.createDirectories(Path.of("target/audit-scale"));
			Files.deleteIfExists(dir.resolve("audit.mv.db"));
			String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("audit")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0";
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
			try {
				run("H2 (file, PostgreSQL mode)", dataSource, rows, lines);
			}
			finally {
				dataSource.destroy();
			}
		}
		if (databases.contains("postgresql")) {
			// The production database: PostgreSQL from zonky's embedded binaries (as the Postgres tests use).
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
				// One connection kept open, as the application's pool keeps them: not a connection set-up per query.
				SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
						postgres.getPostgresDatabase().getConnection(), true);
				try {
					run("PostgreSQL " + dataSource.getConnection().getMetaData().getDatabaseProductVersion()
							+ " (embedded)", dataSource, rows, lines);
				}
				finally {
					dataSource.destroy();
				}
			}
		}
		lines.forEach(System.out::println);
		Files.write(results, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static void run(String database, DataSource dataSource, int rows, List<String> lines) throws Exception {
		Flyway.configure().dataSource(dataSource).load().migrate();
		long start = System.nanoTime();
		fill(dataSource, rows);
		long fillMillis = (System.nanoTime() - start) / 1_000_000;
		if (database.startsWith("PostgreSQL")) {
			// What autovacuum does soon after a bulk load: statistics for the planner, the visibility map.
			try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
				c.setAutoCommit(true);
				statement.execute("vacuum analyze audit_event");
			}
		}

		var constructor = AuditEventRepository.class.getDeclaredConstructor(JdbcClient.class);
		constructor.setAccessible(true);
		AuditEventRepository audit = constructor.newInstance(JdbcClient.create(dataSource));

		LocalDate lastDay = LocalDate.of(2026, 11, 30);
		lines.add("");
		lines.add(String.format(Locale.ROOT, "AuditScaleBenchmark: %,d audit rows in %s, "
				+ "filled in %,d ms; %d warm-up + %d measured runs per case", rows, database, fillMillis, WARMUP,
				MEASURED));
		lines.add(String.format(Locale.ROOT, "%-44s %12s %12s %12s", "Case", "median ms", "max ms", "matching"));
		record Case(String name, AuditQuery query) {
		}
		List<Case> cases = List.of(new Case("page 1, no filter", AuditQuery.ALL),
				new Case("page 1, user (other case: USER7)", new AuditQuery("USER7", null, null, null, null)),
				new Case("page 1, draft", new AuditQuery(null, 1234L, null, null, null)),
				new Case("page 1, action DRAFT_APPROVED", new AuditQuery(null, null, AuditAction.DRAFT_APPROVED,
						null, null)),
				new Case("page 1, 7 days", new AuditQuery(null, null, null, lastDay.minusDays(6), lastDay)),
				new Case("page 1, user + 30 days", new AuditQuery("user7", null, null, lastDay.minusDays(29),
						lastDay)));
		for (Case c : cases) {
			// As the page says it: counted up to AuditPage.COUNT_LIMIT, past it "more than".
			String[] matching = { "" };
			lines.add(time(c.name(), () -> {
				AuditPage page = AuditPage.load(audit, c.query(), "1");
				matching[0] = (page.exact() ? "" : "> ") + String.format(Locale.ROOT, "%,d", page.total());
				return page;
			}, matching));
		}
		for (Case c : List.of(cases.get(0), cases.get(1), cases.get(4))) {
			String[] matching = { "" };
			lines.add(time("CSV export, " + c.name().substring("page 1, ".length()), () -> {
				AuditCsv csv = new AuditCsv(Writer.nullWriter(), AuditCsv.MAX_ROWS);
				matching[0] = String.format(Locale.ROOT, "%,d", audit.search(c.query(), csv.eventsToRead(), csv));
				csv.finish();
				return csv;
			}, matching));
		}
	}

	private static String time(String name, Supplier<Object> run, String[] matching) {
		long[] millis = new long[MEASURED];
		for (int i = 0; i < WARMUP + MEASURED; i++) {
			long start = System.nanoTime();
			run.get();
			if (i >= WARMUP) {
				millis[i - WARMUP] = (System.nanoTime() - start) / 1_000_000;
			}
		}
		Arrays.sort(millis);
		return String.format(Locale.ROOT, "%-44s %12d %12d %12s", name, millis[MEASURED / 2], millis[MEASURED - 1],
				matching[0]);
	}

	/**
	 * Inserts the events in batches: 40 users, every action, half of them about one of 5,000 drafts, spread over
	 * the two years up to 2026-11-30.
	 */
	public static void fill(DataSource dataSource, int rows) throws Exception {
		AuditAction[] actions = AuditAction.values();
		Random random = new Random(42);
		long end = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
		long span = 730L * 24 * 3600 * 1000;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			boolean lowerColumn = c.getMetaData().getColumns(null, null, "audit_event", "actor_lower").next();
			String sql = "insert into audit_event (occurred_at, actor, action, target, detail, remote_address, "
					+ "draft_id, draft_version, draft_revision" + (lowerColumn ? ", actor_lower" : "")
					+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?" + (lowerColumn ? ", ?" : "") + ")";
			try (PreparedStatement insert = c.prepareStatement(sql)) {
				for (int i = 0; i < rows; i++) {
					String actor = "user" + random.nextInt(40);
					AuditAction action = actions[random.nextInt(actions.length)];
					boolean aboutDraft = action.name().startsWith("DRAFT_");
					long draft = 1 + random.nextInt(5000);
					insert.setTimestamp(1, new Timestamp(end - 1 - (long) (random.nextDouble() * span)));
					insert.setString(2, actor);
					insert.setString(3, action.name());
					insert.setString(4, aboutDraft ? "draft " + draft : null);
					insert.setString(5, aboutDraft ? "step 3 saved" : "session");
					insert.setString(6, "10.0.0." + random.nextInt(255));
					if (aboutDraft) {
						insert.setLong(7, draft);
						insert.setLong(8, 1 + random.nextInt(20));
						insert.setInt(9, 1 + random.nextInt(3));
					}
					else {
						insert.setNull(7, java.sql.Types.BIGINT);
						insert.setNull(8, java.sql.Types.BIGINT);
						insert.setNull(9, java.sql.Types.INTEGER);
					}
					if (lowerColumn) {
						insert.setString(10, actor);
					}
					insert.addBatch();
					if (i % 5000 == 4999) {
						insert.executeBatch();
						c.commit();
					}
				}
				insert.executeBatch();
				c.commit();
			}
			finally {
				c.setAutoCommit(true);
			}
		}
	}

}
