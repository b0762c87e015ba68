package org.mlgov.console;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * moto's AWS emulator ({@code python3 -m moto.server}) for one test class, on a free port:
 * {@code @RegisterExtension static final MotoServer moto = new MotoServer("111122223333");}. It answers as the given
 * account, with AWS managed policies loaded ({@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}), and logs to
 * {@code target/moto-server-<port>.log}. Where {@code python3 -c "import moto, boto3"} fails the class is skipped,
 * except in CI ({@code CI} set), where that is a failure: moto is part of every machine of this project and
 * {@code .ci/run} checks for it.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String account;

	private Process process;

	private URI endpoint;

	public MotoServer(String account) {
		this.account = account;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	/** Starts the server (also usable outside JUnit, for the benchmark). */
	public void start() throws Exception {
		boolean installed = installed();
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("moto is not installed (python3 -c \"import moto, boto3\" failed), and CI "
					+ "must run the moto tests: install moto 5.2.1 with boto3 in the machine image's python3");
		}
		assumeTrue(installed, "moto is not installed (python3 -c \"import moto, boto3\" failed): skipped");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createDirectories(Path.of("target")).resolve("moto-server-" + port + ".log");
		ProcessBuilder server = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
				String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		server.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
		server.environment().put("MOTO_ACCOUNT_ID", this.account);
		this.process = server.start();
		this.endpoint = URI.create("http://127.0.0.1:" + port);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!answers()) {
			assertThat(this.process.isAlive()).as("moto.server is running (see %s)", log).isTrue();
			assertThat(System.nanoTime()).as("moto.server answered within 60 s").isLessThan(until);
			Thread.sleep(200);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		stop();
	}

	public void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			this.process = null;
		}
	}

	/**
	 * Where the server listens.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/** Empties the emulator ({@code POST /moto-api/reset}). */
	public void reset() throws Exception {
		HttpResponse<Void> reset = HTTP.send(
				HttpRequest.newBuilder(this.endpoint.resolve("/moto-api/reset"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(reset.statusCode()).isEqualTo(200);
	}

	static boolean installed() {
		try {
			Process check = new ProcessBuilder("python3", "-c", "import moto, boto3").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean answers() throws InterruptedException {
		try {
			return HTTP.send(HttpRequest.newBuilder(this.endpoint.resolve("/moto-api/data.json")).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Credentials for moto, which takes any. */
	public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("testing", "testing"));

	/**
	 * Points a console under test at this server: AWS access on, the test Region, path-style S3, every service's
	 * endpoint here, and timeouts sized for an emulator on a busy machine (the timeouts have contract tests of their
	 * own). Call it from the test's {@code @DynamicPropertySource}; import {@link StaticCredentials} too.
	 * @param registry the test's property registry
	 * @param region the Region of the console
	 */
	public void registerConsole(DynamicPropertyRegistry registry, String region) {
		registry.add("console.aws.enabled", () -> "true");
		registry.add("console.aws.region", () -> region);
		registry.add("console.aws.s3-force-path-style", () -> "true");
		registry.add("console.aws.api-call-timeout", () -> "60s");
		registry.add("console.aws.api-call-attempt-timeout", () -> "30s");
		for (String service : List.of("iam", "sagemaker", "s3", "sts")) {
			registry.add("console.aws.endpoints." + service, () -> endpoint().toString());
		}
	}

	/** The console's SDK clients with {@link #CREDENTIALS}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class StaticCredentials {

		@Bean
		@Primary
		AwsClients staticAwsClients(AwsProperties properties) {
			return new AwsClients(properties, CREDENTIALS);
		}

	}

}
