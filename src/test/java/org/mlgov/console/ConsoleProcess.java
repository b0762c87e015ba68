package org.mlgov.console;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The console as a real operating-system process ({@code java} with the test class path and
 * {@link ConsoleApplication}), for what only a process shows: a {@code kill -9}, a file lock between two processes,
 * the sockets it listens on. It runs in a working directory of the test's choosing, so that the default
 * configuration ({@code ./data}) is what is tested, with the environment's {@code SPRING_*} and {@code CONSOLE_*}
 * variables removed.
 */
public final class ConsoleProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private ConsoleProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "console-process-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the console.
	 * @param workingDirectory its working directory (the default database is {@code ./data} there)
	 * @param arguments command-line arguments, such as {@code --server.port=0}
	 * @return the starting process; {@link #port(Duration)} waits until it serves
	 * @throws IOException if {@code java} cannot be started
	 */
	public static ConsoleProcess start(Path workingDirectory, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath(),
				ConsoleApplication.class.getName()));
		command.addAll(Arrays.asList(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("CONSOLE_"));
		return new ConsoleProcess(builder.start());
	}

	/** The test class path with every entry absolute, as the child runs in another directory. */
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.append(line).append('\n');
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					this.port.complete(Integer.valueOf(started.group(1)));
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		this.port.completeExceptionally(new IllegalStateException("The console ended before serving:\n" + this.output));
	}

	/**
	 * Waits until the console serves.
	 * @param timeout how long to wait
	 * @return the HTTP port
	 * @throws Exception if it ended or did not start in time, with its output
	 */
	public int port(Duration timeout) throws Exception {
		try {
			return this.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("The console did not start in " + timeout + ":\n" + this.output, ex);
		}
	}

	/**
	 * Waits for the process to end by itself.
	 * @param timeout how long to wait
	 * @return its exit code
	 * @throws Exception if it is still running after the timeout
	 */
	public int exitCode(Duration timeout) throws Exception {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("Still running after " + timeout + ":\n" + this.output);
		}
		return this.process.exitValue();
	}

	/** What the process printed so far. */
	public String output() {
		return this.output.toString();
	}

	public long pid() {
		return this.process.pid();
	}

	/** {@code kill -9}: no shutdown hook, no flush, no closing of the database. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A normal stop (SIGTERM): Spring closes the context and H2 its file. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	/**
	 * The TCP ports the process listens on, read from {@code /proc} (Linux): its socket inodes matched against
	 * {@code /proc/net/tcp} and {@code tcp6} in the LISTEN state.
	 * @return the ports
	 * @throws IOException if {@code /proc} cannot be read
	 */
	public Set<Integer> listeningPorts() throws IOException {
		Set<String> inodes = new HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid()), "fd"))) {
			for (Path fd : fds.toList()) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// closed meanwhile
				}
			}
		}
		Set<Integer> ports = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			List<String> lines = Files.readAllLines(path);
			for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length > 9 && "0A".equals(columns[3]) && inodes.contains(columns[9])) {
					String local = columns[1];
					ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

}
