package org.mlgov.console.config;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.mlgov.console.ConsoleBrowser;
import org.mlgov.console.ConsoleProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 1 and 2, against the console as a real process with its default configuration (the H2 file
 * database in {@code ./data} of its working directory):
 * <ul>
 * <li>confirmed saves (answered 302) of several clients saving continuously survive a {@code kill -9}: after a
 * restart on the same directory every draft holds its last confirmed save (or the one in flight at the kill), and
 * the audit trail an event for each;</li>
 * <li>the database opens no network listener: the process listens on its HTTP port only;</li>
 * <li>a second console started on the same data directory is refused at start-up, naming the directory;</li>
 * <li>the data directory is {@code 700} and the database files {@code 600}.</li>
 * </ul>
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedDatabaseProcessTests {

	private static final Duration START = Duration.ofMinutes(4);

	private static final int CLIENTS = 6;

	@TempDir
	Path workingDirectory;

	@Test
	void confirmedSavesSurviveKillNineAndTheDatabaseIsNeitherSharedNorListening() throws Exception {
		long[] drafts = new long[CLIENTS];
		AtomicLong[] confirmed = new AtomicLong[CLIENTS];
		try (ConsoleProcess first = ConsoleProcess.start(this.workingDirectory, "--server.port=0")) {
			int port = first.port(START);
			assertThat(first.listeningPorts()).as("listening ports of the console").containsExactly(port);
			List<ConsoleBrowser> browsers = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				ConsoleBrowser browser = new ConsoleBrowser(port).signIn("admin", "admin-pass");
				drafts[i] = browser.startDraft("crash " + i);
				confirmed[i] = new AtomicLong();
				browsers.add(browser);
			}
			AtomicBoolean stop = new AtomicBoolean();
			CountDownLatch warmedUp = new CountDownLatch(CLIENTS);
			List<Thread> clients = new ArrayList<>();
			List<String> unexpected = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				int client = i;
				Thread thread = new Thread(() -> saveUntilStopped(browsers.get(client), drafts[client],
						confirmed[client], stop, warmedUp, unexpected), "saver-" + i);
				thread.start();
				clients.add(thread);
			}
			assertThat(warmedUp.await(3, TimeUnit.MINUTES)).as("every client saved three times").isTrue();
			Thread.sleep(1500);
			first.kill();
			stop.set(true);
			for (Thread thread : clients) {
				thread.join(TimeUnit.MINUTES.toMillis(2));
			}
			assertThat(unexpected).as("answers other than 302 before the kill").isEmpty();
		}
		assertThat(Stream.of(confirmed).mapToLong(AtomicLong::get).sum()).isGreaterThanOrEqualTo(3L * CLIENTS);

		Path data = this.workingDirectory.resolve("data");
		try (ConsoleProcess second = ConsoleProcess.start(this.workingDirectory, "--server.port=0")) {
			int port = second.port(START);
			assertThat(second.listeningPorts()).as("listening ports after the restart").containsExactly(port);
			assertThat(Files.exists(data.resolve("mlgov.lock.db"))).as("no lock file with a server address").isFalse();
			try (ConsoleProcess third = ConsoleProcess.start(this.workingDirectory, "--server.port=0")) {
				assertThat(third.exitCode(START)).as("exit code of a second console on the same directory")
					.isNotZero();
				assertThat(third.output()).contains("is in use by another process")
					.contains(data.toAbsolutePath().normalize().toString())
					.doesNotContain("Tomcat started");
			}
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
			try (Stream<Path> files = Files.list(data)) {
				assertThat(files.toList()).isNotEmpty()
					.allSatisfy((file) -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
						.as("mode of %s", file)
						.isEqualTo("rw-------"));
			}
			// still serving: the refused second console changed nothing
			new ConsoleBrowser(port).signIn("admin", "admin-pass");
		}

		try (Connection db = DriverManager.getConnection(
				"jdbc:h2:file:" + data.resolve("mlgov") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
			for (int i = 0; i < CLIENTS; i++) {
				long last = confirmed[i].get();
				assertThat(storedName(db, drafts[i])).as("draft %d after kill -9, last confirmed save %d", drafts[i],
						last)
					.isIn("save " + last, "save " + (last + 1));
				assertThat(renameEvents(db, drafts[i])).as("audit events of draft %d", drafts[i])
					.isBetween(last, last + 1);
			}
		}
	}

	/**
	 * Renames the draft as fast as the console answers, counting the saves it confirmed (302), until the console is
	 * killed; each save's name says its number. The version of the next save is the one after the confirmed save.
	 */
	private static void saveUntilStopped(ConsoleBrowser browser, long draftId, AtomicLong confirmed,
			AtomicBoolean stop, CountDownLatch warmedUp, List<String> unexpected) {
		try {
			long version = browser.version(draftId);
			while (!stop.get()) {
				long next = confirmed.get() + 1;
				HttpResponse<String> response = browser.post("/drafts/" + draftId + "/rename",
						Map.of("name", "save " + next, "version", String.valueOf(version)));
				if (response.statusCode() != 302) {
					synchronized (unexpected) {
						unexpected.add("draft " + draftId + " save " + next + ": " + response.statusCode());
					}
					return;
				}
				confirmed.set(next);
				version++;
				if (next == 3) {
					warmedUp.countDown();
				}
			}
		}
		catch (Exception ex) {
			// the console was killed: the save in flight is unconfirmed
		}
	}

	private static String storedName(Connection db, long draftId) throws Exception {
		try (PreparedStatement query = db.prepareStatement("select name from draft where id = ?")) {
			query.setLong(1, draftId);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("draft %d exists", draftId).isTrue();
				return row.getString(1);
			}
		}
	}

	private static long renameEvents(Connection db, long draftId) throws Exception {
		try (PreparedStatement query = db.prepareStatement(
				"select count(*) from audit_event where action = 'DRAFT_RENAMED' and draft_id = ?")) {
			query.setLong(1, draftId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

}
