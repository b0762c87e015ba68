package org.mlgov.console;

import java.util.List;

import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a console started with the {@code postgres} profile and a bootstrap administrator must have done to an
 * empty PostgreSQL database. Shared by the embedded-PostgreSQL and the Testcontainers tests.
 */
public final class PostgresAssertions {

	private PostgresAssertions() {
	}

	/**
	 * Asserts that the migrations ran on PostgreSQL and that the bootstrap administrator is the only user.
	 * @param jdbc a client on the console's database
	 * @param users the console's user repository
	 * @param bootstrapUsername the configured bootstrap administrator
	 * @param bootstrapPassword the configured bootstrap password
	 */
	public static void assertMigratedWithOnlyTheBootstrapAdmin(JdbcClient jdbc, AppUserRepository users,
			String bootstrapUsername, String bootstrapPassword) {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 16.");
		List<String> tables = jdbc
			.sql("select table_name from information_schema.tables where table_schema = current_schema() "
					+ "and table_type = 'BASE TABLE' order by table_name")
			.query(String.class)
			.list();
		assertThat(tables).contains("app_user", "app_user_role", "app_user_identity", "audit_event",
				"flyway_schema_history");
		assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).startsWith("1", "2");
		assertThat(jdbc
			.sql("select data_type from information_schema.columns where table_schema = current_schema() "
					+ "and table_name = 'audit_event' and column_name = 'occurred_at'")
			.query(String.class)
			.single()).isEqualTo("timestamp with time zone");

		List<AppUser> all = users.findAll();
		assertThat(all).extracting(AppUser::username).containsExactly(bootstrapUsername);
		AppUser admin = all.get(0);
		assertThat(admin.roleSet()).containsExactly(Role.USER_ADMIN);
		assertThat(admin.enabled()).isTrue();
		assertThat(admin.passwordHash()).startsWith("{bcrypt}").isNotEqualTo(bootstrapPassword)
			.doesNotContain(bootstrapPassword);
		assertThat(jdbc.sql("select password_hash from app_user where username = :username")
			.param("username", bootstrapUsername)
			.query(String.class)
			.single()).startsWith("{bcrypt}");
		assertThat(jdbc.sql("select count(*) from app_user where username in ('admin', 'admin2', 'reviewer', 'helpdesk', 'useradmin')")
			.query(Long.class)
			.single()).as("demo users").isZero();
	}

}
