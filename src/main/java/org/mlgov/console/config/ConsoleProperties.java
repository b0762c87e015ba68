package org.mlgov.console.config;

import java.util.List;

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
 * @param formLogin Sign-in with a console password on the sign-in page.
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(@Valid @DefaultValue DemoUsers demoUsers, @Valid @DefaultValue BootstrapAdmin bootstrapAdmin,
		@DefaultValue FormLogin formLogin) {

	/**
	 * {@code console.form-login.*}.
	 *
	 * @param enabled Whether people sign in with a console password on the sign-in page. Off: only the OpenID Connect
	 * button (HTTP Basic for the API stays).
	 */
	public record FormLogin(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * {@code console.demo-users.*}.
	 *
	 * @param enabled Whether to create the demo users (admin, admin2, reviewer, helpdesk) when the user table is
	 * empty. Only allowed on the H2 database: the console refuses to start with it on any other.
	 */
	public record DemoUsers(@DefaultValue("false") boolean enabled) {
	}

	/**
	 * {@code console.bootstrap-admin.*}: the first console administrator (role USER_ADMIN), created when the user
	 * table is empty and demo users are off, who then adds the other users. Usually set through
	 * {@code CONSOLE_BOOTSTRAP_ADMIN_USERNAME} and {@code CONSOLE_BOOTSTRAP_ADMIN_PASSWORD}. On a user table without
	 * any enabled console administrator, the same settings restore one (break-glass).
	 *
	 * @param username User name of the first console administrator (3 to 64 letters, digits or . _ @ -). Blank: not
	 * configured.
	 * @param password Initial password of the first console administrator, 12 to 128 characters, stored only as a
	 * hash. Blank: not configured.
	 * @param additionalRoles Roles the first console administrator holds besides USER_ADMIN (ADMIN, REVIEWER or
	 * HELPDESK), for a console run by very few people. Empty by default: separation of duties.
	 */
	public record BootstrapAdmin(
			@Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
					message = "must be 3 to 64 letters, digits or . _ @ -") String username,
			@Size(min = 12, max = 128, message = "must be between 12 and 128 characters") String password,
			@DefaultValue List<@Pattern(regexp = "ADMIN|REVIEWER|HELPDESK",
					message = "must be ADMIN, REVIEWER or HELPDESK") String> additionalRoles) {

		public BootstrapAdmin {
			username = StringUtils.hasText(username) ? username.strip() : null;
			password = StringUtils.hasText(password) ? password : null;
			additionalRoles = (additionalRoles != null) ? List.copyOf(additionalRoles) : List.of();
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
					+ ", additionalRoles=" + this.additionalRoles + "]";
		}

	}

}
