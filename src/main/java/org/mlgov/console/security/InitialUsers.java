package org.mlgov.console.security;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.config.ConsoleProperties;
import org.mlgov.console.config.ConsoleProperties.BootstrapAdmin;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure somebody can sign in: on an empty user table it creates either the demo users (H2 only) or the
 * configured bootstrap administrator, and otherwise stops the start-up with a message that says what to set.
 * It runs once all singletons exist (so after the Flyway migrations) and before the web server accepts requests.
 */
@Component
class InitialUsers implements SmartInitializingSingleton {

	/** The actor of the audit events of start-up: the console itself, not a person. */
	static final String SYSTEM_ACTOR = "console";

	static final String BOOTSTRAP_VARIABLES = "CONSOLE_BOOTSTRAP_ADMIN_USERNAME and CONSOLE_BOOTSTRAP_ADMIN_PASSWORD";

	private static final Logger logger = LoggerFactory.getLogger(InitialUsers.class);

	/**
	 * The demo accounts; their passwords are listed in the README. Each comes with a bcrypt hash of its password, worked
	 * out once and written here: five bcrypt hashes were a twelfth of a first start-up's time (on a 2-core machine,
	 * with the JIT still cold). A hash of a published password gives away nothing the README does not, and a password
	 * changed on the account page is hashed as any other. InitialUsersTests checks each hash against its password.
	 */
	static final List<DemoUser> DEMO_USERS = List.of(
			new DemoUser("admin", "Dana Whitfield", "admin-pass", Role.ADMIN,
					"{bcrypt}$2a$10$Q7Y2eTokKZD.DVlU1rwZ1.ulVOi/aBRmjKNTredIfTXEKpguoSEla"),
			new DemoUser("admin2", "Sam Ortega", "admin2-pass", Role.ADMIN,
					"{bcrypt}$2a$10$i/KXg6QCIPkQGOTc9TMtduOdRuQOWsKxN8otW7GqmFHYxy54in0o."),
			new DemoUser("reviewer", "Priya Raman", "reviewer-pass", Role.REVIEWER,
					"{bcrypt}$2a$10$DB2ULRCifNX0nqAujxoaLOZLHMFPgd2adcHFM2Xk/xFR57u/h7Ahu"),
			new DemoUser("helpdesk", "Lee Novak", "helpdesk-pass", Role.HELPDESK,
					"{bcrypt}$2a$10$p5cGh5AOD9x0NY4REohbuew4RIDdavJ3YdG60XOtxkrdVEY9cUYKu"),
			new DemoUser("useradmin", "Jordan Keller", "useradmin-pass", Role.USER_ADMIN,
					"{bcrypt}$2a$10$IgNxipzv4z5KcdSet3ntx.HbB3VQYoc2gv7.DJyg7WCBTerirxJeK"));

	/** The demo console administrator, also added to demo databases created before the role existed. */
	static final DemoUser DEMO_USER_ADMIN = DEMO_USERS.get(DEMO_USERS.size() - 1);

	private final ConsoleProperties properties;

	private final AppUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Environment environment;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	InitialUsers(ConsoleProperties properties, AppUserRepository users, PasswordEncoder passwordEncoder,
			Environment environment, DataSource dataSource, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.events = events;
		this.properties = properties;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.environment = environment;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean demoUsers = this.properties.demoUsers().enabled();
		if (demoUsers) {
			refuseDemoUsersOutsideH2();
		}
		this.transaction.executeWithoutResult((status) -> createInitialUsers(demoUsers));
	}

	private void refuseDemoUsersOutsideH2() {
		if (this.environment.acceptsProfiles(Profiles.of("postgres"))) {
			throw new FailureAnalyzedException(
					"console.demo-users.enabled is true while the 'postgres' profile is active. Demo users have "
							+ "well-known passwords and must never exist on a real database.",
					"Set console.demo-users.enabled=false (the postgres profile does so unless something overrides "
							+ "it) and configure a first administrator with " + BOOTSTRAP_VARIABLES + ".");
		}
		String product = databaseProductName();
		if (!"H2".equalsIgnoreCase(product)) {
			throw new FailureAnalyzedException(
					"console.demo-users.enabled is true but the database is " + product + ", not H2. Demo users "
							+ "have well-known passwords and are only allowed on the local H2 database.",
					"Set console.demo-users.enabled=false and configure a first administrator with "
							+ BOOTSTRAP_VARIABLES + ".");
		}
	}

	private String databaseProductName() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not read the database product name", ex);
		}
	}

	private void createInitialUsers(boolean demoUsers) {
		long existing = this.users.count();
		if (existing > 0) {
			logger.debug("{} console user(s) exist; no initial users created", existing);
			ensureAConsoleAdministrator(demoUsers);
			return;
		}
		if (demoUsers) {
			for (DemoUser demo : DEMO_USERS) {
				this.users.save(AppUser.create(demo.username(), demo.displayName(), demo.passwordHash(),
						Set.of(demo.role())));
			}
			logger.warn("Created the demo users {} (console.demo-users.enabled=true). Their passwords are public: "
					+ "use them only on a local H2 database.", DEMO_USERS.stream().map(DemoUser::username).toList());
			return;
		}
		BootstrapAdmin admin = this.properties.bootstrapAdmin();
		if (!admin.isConfigured()) {
			throw new FailureAnalyzedException(
					"The user table is empty and no first administrator is configured, so nobody could sign in.",
					"Set " + BOOTSTRAP_VARIABLES + " (properties console.bootstrap-admin.username and "
							+ "console.bootstrap-admin.password; the password needs at least 12 characters) and start "
							+ "again. The administrator is created once, on the empty table; remove the variables "
							+ "afterwards. For a local trial on H2 you can instead set console.demo-users.enabled=true.");
		}
		Set<Role> roles = bootstrapRoles(admin);
		this.users.save(AppUser.create(admin.username(), admin.username(), this.passwordEncoder.encode(admin.password()),
				roles));
		this.events.publishEvent(UserEvents.of(SYSTEM_ACTOR, AuditAction.USER_CREATED, admin.username(),
				"roles: " + roleNames(roles) + "; bootstrap console administrator"));
		logger.info("Created the bootstrap console administrator '{}' with the roles {} on the empty user table",
				admin.username(), roles);
	}

	/**
	 * On a user table where nobody can administer users any more (no enabled USER_ADMIN: a database from before the
	 * role existed, or every console administrator disabled by hand), restores one: the demo console administrator
	 * on a demo database, otherwise the configured bootstrap administrator (created, or given the role, enabled, and
	 * given the configured password as a temporary one). Without either, it only warns.
	 */
	private void ensureAConsoleAdministrator(boolean demoUsers) {
		boolean present = this.users.findAll()
			.stream()
			.anyMatch((user) -> user.enabled() && user.roleSet().contains(Role.USER_ADMIN));
		if (present) {
			return;
		}
		if (demoUsers && this.users.findByUsername(DEMO_USER_ADMIN.username()).isEmpty()) {
			this.users.save(AppUser.create(DEMO_USER_ADMIN.username(), DEMO_USER_ADMIN.displayName(),
					DEMO_USER_ADMIN.passwordHash(), Set.of(DEMO_USER_ADMIN.role())));
			logger.warn("Added the demo console administrator '{}' to the demo users", DEMO_USER_ADMIN.username());
			return;
		}
		BootstrapAdmin admin = this.properties.bootstrapAdmin();
		if (!admin.isConfigured()) {
			logger.warn("No enabled user holds USER_ADMIN, so nobody can add users or change roles. Set {} and "
					+ "restart to restore a console administrator.", BOOTSTRAP_VARIABLES);
			return;
		}
		String hash = this.passwordEncoder.encode(admin.password());
		AppUser restored = this.users.findByUsername(admin.username())
			.map((user) -> {
				Set<Role> roles = java.util.EnumSet.copyOf(bootstrapRoles(admin));
				roles.addAll(user.roleSet());
				return user.withRoles(roles).withEnabled(true).withPassword(hash, true);
			})
			.orElseGet(() -> AppUser.create(admin.username(), admin.username(), hash, bootstrapRoles(admin))
				.withPassword(hash, true));
		this.users.save(restored);
		this.events.publishEvent(UserEvents.of(SYSTEM_ACTOR, AuditAction.USER_PASSWORD_RESET, admin.username(),
				"break-glass: console administrator restored with the roles " + roleNames(restored.roleSet())));
		logger.warn("No enabled user held USER_ADMIN: '{}' is a console administrator again, with the configured "
				+ "password as a temporary one ({})", admin.username(), restored.roleSet());
	}

	private static String roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).collect(java.util.stream.Collectors.joining(", "));
	}

	private static Set<Role> bootstrapRoles(BootstrapAdmin admin) {
		Set<Role> roles = java.util.EnumSet.of(Role.USER_ADMIN);
		admin.additionalRoles().forEach((role) -> roles.add(Role.valueOf(role)));
		if (roles.contains(Role.ADMIN) || roles.contains(Role.REVIEWER)) {
			logger.warn("The bootstrap console administrator also holds {}: whoever holds both can create the "
					+ "accounts that approve their own drafts. Use this only where too few people run the console.",
					roles);
		}
		return roles;
	}

	/**
	 * A demo account.
	 * @param password its password, as the README gives it
	 * @param passwordHash what the console's password encoder stores for it
	 */
	record DemoUser(String username, String displayName, String password, Role role, String passwordHash) {
	}

}
