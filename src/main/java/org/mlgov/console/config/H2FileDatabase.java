package org.mlgov.console.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Guards the embedded H2 file database (the default {@code ./data}), before anything else uses it:
 * <ul>
 * <li>it refuses {@code AUTO_SERVER=TRUE}: that mode opens a TCP listener
 * on every interface, with the address and key in a lock file that anyone who can read it uses to run SQL, and
 * Java through {@code CREATE ALIAS}, inside the console;</li>
 * <li>it creates the data directory readable by the owner only (POSIX {@code 700}) and makes the database files
 * {@code 600};</li>
 * <li>it opens the database once at start-up, so that a second console started on the same data directory stops
 * at once with a message that names the directory (H2 locks its file; error 90020), instead of a stack trace.</li>
 * </ul>
 * In-memory and client-server URLs are left alone. Durability of committed transactions comes from
 * {@code WRITE_DELAY=0} in the URL of {@code application.yml}.
 */
@Component
class H2FileDatabase implements BeanPostProcessor, EnvironmentAware {

	/** H2's "Database may be already in use": the file is locked by another process. */
	static final int DATABASE_ALREADY_OPEN = 90020;

	private static final Logger logger = LoggerFactory.getLogger(H2FileDatabase.class);

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof DataSource) {
			fileDatabase().ifPresent((database) -> {
				refuseServerModes();
				database.secure();
			});
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof DataSource dataSource) {
			fileDatabase().ifPresent((database) -> {
				openOnce(dataSource, database);
				database.secure();
			});
		}
		return bean;
	}

	private Optional<Location> fileDatabase() {
		String url = this.environment.getProperty("spring.datasource.url");
		return Optional.ofNullable(Location.of(url));
	}

	private void refuseServerModes() {
		String url = this.environment.getProperty("spring.datasource.url", "").toUpperCase(Locale.ROOT);
		if (url.contains("AUTO_SERVER=TRUE")) {
			throw new FailureAnalyzedException(
					"The H2 database URL (spring.datasource.url) sets AUTO_SERVER=TRUE. That mode opens a TCP listener "
							+ "on every network interface, and anyone who can read its lock file can connect, run SQL "
							+ "and Java inside the console, and rewrite the audit trail.",
					"Remove AUTO_SERVER=TRUE from spring.datasource.url. Only one console may use a data directory; "
							+ "for several consoles or remote access use PostgreSQL (the 'postgres' profile).");
		}
	}

	private static void openOnce(DataSource dataSource, Location database) {
		try (Connection connection = dataSource.getConnection()) {
			logger.debug("H2 database in {} opened", database.directory());
		}
		catch (SQLException | RuntimeException ex) {
			// H2 may have written a trace file about the failure, with the process's umask
			database.secure();
			if (isAlreadyOpen(ex)) {
				throw new FailureAnalyzedException("The H2 database in " + database.directory()
						+ " is in use by another process: another console is probably running on the same data "
						+ "directory. Only one console may use a data directory at a time.",
						"Stop the console that uses " + database.directory() + ", or start this one on another data "
								+ "directory (spring.datasource.url, for example jdbc:h2:file:/other/dir/mlgov;...).");
			}
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Could not open the H2 database in " + database.directory(), ex);
		}
	}

	static boolean isAlreadyOpen(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Where an H2 file database lives.
	 *
	 * @param directory the data directory, absolute
	 * @param baseName the database name, the start of each of its file names
	 */
	record Location(Path directory, String baseName) {

		/**
		 * The location of an H2 file database URL.
		 * @param url a JDBC URL, may be null
		 * @return its location, or null for any other URL (in-memory, client-server, not H2)
		 */
		static Location of(String url) {
			if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
				return null;
			}
			String rest = url.substring(8);
			int settings = rest.indexOf(';');
			String name = (settings >= 0) ? rest.substring(0, settings) : rest;
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
					|| lower.startsWith("zip:") || lower.startsWith("classpath:")) {
				return null;
			}
			if (lower.startsWith("file:")) {
				name = name.substring(5);
			}
			if (name.startsWith("~")) {
				name = System.getProperty("user.home") + name.substring(1);
			}
			Path path = Path.of(name).toAbsolutePath().normalize();
			return new Location(path.getParent(), path.getFileName().toString());
		}

		/**
		 * Makes the data directory and the database files readable by the owner only. A directory that is the
		 * user's home or the working directory is not narrowed (that would lock others out of more than the
		 * console's data); its database files are.
		 */
		void secure() {
			if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				logger.debug("No POSIX permissions here; {} left as it is", this.directory);
				return;
			}
			try {
				if (!Files.exists(this.directory)) {
					Files.createDirectories(this.directory,
							PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
				}
				if (isSharedDirectory()) {
					logger.warn("The H2 database is directly in {}; only its files are made owner-only. Give it a "
							+ "directory of its own (spring.datasource.url).", this.directory);
				}
				else if (!Files.getPosixFilePermissions(this.directory).equals(OWNER_ONLY_DIRECTORY)) {
					Files.setPosixFilePermissions(this.directory, OWNER_ONLY_DIRECTORY);
				}
				try (Stream<Path> files = Files.list(this.directory)) {
					for (Path file : files.filter(this::isDatabaseFile).toList()) {
						if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
							Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new FailureAnalyzedException(
						"Could not make the H2 data directory " + this.directory + " readable by its owner only: "
								+ ex.getMessage(),
						"Check that the console's user owns " + this.directory
								+ ", or point spring.datasource.url at a directory it owns.");
			}
		}

		private boolean isDatabaseFile(Path file) {
			String name = file.getFileName().toString();
			return Files.isRegularFile(file) && name.startsWith(this.baseName + ".");
		}

		private boolean isSharedDirectory() {
			Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
			Path workingDirectory = Path.of("").toAbsolutePath().normalize();
			return this.directory.equals(home) || this.directory.equals(workingDirectory)
					|| this.directory.getParent() == null;
		}

	}

}
