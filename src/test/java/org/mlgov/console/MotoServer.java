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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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

}
