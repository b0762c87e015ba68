package org.mlgov.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole console the way {@code java -jar} would, for tests about start-up itself.
 */
public final class ConsoleLauncher {

	private ConsoleLauncher() {
	}

	/**
	 * Starts the console on a random port. The bootstrap administrator is blank unless {@code properties} sets it,
	 * so that variables set on the machine running the tests cannot change the outcome (command-line arguments win
	 * over environment variables).
	 * @param profiles the active profiles, later ones winning
	 * @param properties properties passed as command-line arguments
	 * @return the running application; close it
	 */
	public static ConfigurableApplicationContext start(List<String> profiles, Map<String, String> properties) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("server.port", "0");
		arguments.put("console.bootstrap-admin.username", "");
		arguments.put("console.bootstrap-admin.password", "");
		arguments.putAll(properties);
		String[] commandLine = arguments.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ConsoleApplication.class).profiles(profiles.toArray(String[]::new))
			.run(commandLine);
	}

	/**
	 * The analysed start-up failure (description and action) in an exception's cause chain.
	 * @param failure what starting the console threw
	 * @return the description followed by the action
	 */
	public static String analysedMessage(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable current = failure; current != null && !chain.contains(current); current = current.getCause()) {
			chain.add(current);
		}
		FailureAnalyzedException analysed = chain.stream()
			.filter(FailureAnalyzedException.class::isInstance)
			.map(FailureAnalyzedException.class::cast)
			.findFirst()
			.orElse(null);
		assertThat(analysed).as("FailureAnalyzedException in %s", chain).isNotNull();
		return analysed.analysis().getDescription() + "\n" + analysed.analysis().getAction();
	}

}
