package org.mlgov.console.security;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class InitialUsersTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void eachDemoUsersStoredHashIsOfThePasswordTheReadmeGives() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		for (InitialUsers.DemoUser demo : InitialUsers.DEMO_USERS) {
			assertThat(this.encoder.matches(demo.password(), demo.passwordHash())).as(demo.username()).isTrue();
			assertThat(this.encoder.matches(demo.password() + "x", demo.passwordHash())).as(demo.username()).isFalse();
			assertThat(this.encoder.upgradeEncoding(demo.passwordHash())).as(demo.username()).isFalse();
			assertThat(readme).contains(demo.username()).contains(demo.password());
		}
		assertThat(InitialUsers.DEMO_USERS).extracting(InitialUsers.DemoUser::passwordHash).doesNotHaveDuplicates();
	}

}
