package org.mlgov.console.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under the {@code console.*} prefix.
 *
 * @param demoUsers Demo accounts for local use on the H2 database.
 * @param bootstrapAdmin First administrator, created on an empty user table when demo users are off.
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(@Valid @DefaultValue DemoUsers demoUsers, @Valid @DefaultValue BootstrapAdmin bootstrapAdmin) {

	/**
	 * {@code console.demo-users.*}.
	 *
	 * @param enabled Whether to create the demo users (admin, admin2, reviewer, helpdesk) when the user table is
	 * empty. Only allowed on the H2 database: the console refuses to start with it on any other.
	 */
	public record DemoUsers(@DefaultValue("false") boolean enabled) {
	}

	/**
	 * {@code console.bootstrap-admin.*}: a single ML administrator created when the user table is empty and demo
	 * users are off. Usually set through {@code CONSOLE_BOOTSTRAP_ADMIN_USERNAME} and
	 * {@code CONSOLE_BOOTSTRAP_ADMIN_PASSWORD}.
	 *
	 * @param username User name of the first administrator (3 to 64 letters, digits or . _ @ -). Blank: not
	 * configured.
	 * @param password Initial password of the first administrator, 12 to 128 characters, stored only as a hash.
	 * Blank: not configured.
	 */
	public record BootstrapAdmin(
			@Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
					message = "must be 3 to 64 letters, digits or . _ @ -") String username,
			@Size(min = 12, max = 128, message = "must be between 12 and 128 characters") String password) {

		public BootstrapAdmin {
			username = StringUtils.hasText(username) ? username.strip() : null;
			password = StringUtils.hasText(password) ? password : null;
		}

		/**
		 * Whether both the user name and the password are set.
		 * @return {@code true} when a bootstrap administrator can be created
		 */
		public boolean isConfigured() {
			return this.username != null && this.password != null;
		}

		@AssertTrue(message = "needs both console.bootstrap-admin.username and console.bootstrap-admin.password, or neither")
		public boolean isComplete() {
			return (this.username == null) == (this.password == null);
		}

		@Override
		public String toString() {
			return "BootstrapAdmin[username=" + this.username + ", password=" + (this.password != null ? "******" : null)
					+ "]";
		}

	}

}
