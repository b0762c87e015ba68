package org.mlgov.console.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Not a test: the help desk's audit of a large domain. An embedded WireMock ({@link SyntheticAccount}) answers every
 * IAM and SageMaker call after a fixed delay; {@link ProfileAudit} audits every profile of a domain where
 * {@code profiles} user profiles share {@code roles} roles. Reports the time and the number of AWS calls against the
 * lower bound: the fewest calls the domain, the profiles and the distinct roles and policies need, divided by the
 * parallelism, times the delay.
 * <p>
 * Arguments: results file, profiles (2000), roles (50), delay in ms (50), parallelism (8), runs (3).
 */
public final class ProfileAuditBenchmark {

	private ProfileAuditBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path results = Path.of(arg(args, 0, "target/benchmark-results.txt"));
		int profiles = Integer.parseInt(arg(args, 1, "2000"));
		int roles = Integer.parseInt(arg(args, 2, "50"));
		int delay = Integer.parseInt(arg(args, 3, "50"));
		int parallelism = Integer.parseInt(arg(args, 4, "8"));
		int runs = Integer.parseInt(arg(args, 5, "3"));
		StringBuilder report = new StringBuilder();
		report.append(String.format("%nProfileAuditBenchmark: %d profiles sharing %d roles, every AWS answer after %d ms, "
				+ "parallelism %d%n", profiles, roles, delay, parallelism));
		// Warm-up (class loading, JIT, the SDK's clients, WireMock's threads): two audits answered at once.
		try (SyntheticAccount warmUp = new SyntheticAccount(profiles, roles, Duration.ZERO, false)) {
			ProfileAudit audit = new ProfileAudit(warmUp.reader(), (a, r) -> Optional.empty(), parallelism);
			for (int i = 0; i < 2; i++) {
				audit.audit(SyntheticAccount.ACCOUNT, SyntheticAccount.REGION, SyntheticAccount.DOMAIN, null, 0,
						Integer.MAX_VALUE);
			}
		}
		try (SyntheticAccount account = new SyntheticAccount(profiles, roles, Duration.ofMillis(delay), false)) {
			ProfileAudit audit = new ProfileAudit(account.reader(), (a, r) -> Optional.empty(), parallelism);
			int minimum = account.minimumCalls();
			double boundMillis = Math.ceil((double) minimum / parallelism) * delay;
			report.append(String.format("lower bound: %d calls (1 DescribeDomain, %d ListUserProfiles pages, %d "
					+ "DescribeUserProfile, 5 per role, 2 per managed policy) / %d = %.0f ms%n", minimum,
					(profiles + 99) / 100, profiles, parallelism, boundMillis));
			for (int run = 1; run <= runs; run++) {
				account.resetCalls();
				long started = System.nanoTime();
				ProfileAudit.DomainAudit result = audit.audit(SyntheticAccount.ACCOUNT, SyntheticAccount.REGION,
						SyntheticAccount.DOMAIN, null, 0, Integer.MAX_VALUE);
				long millis = (System.nanoTime() - started) / 1_000_000;
				if (result.problem() != null || result.profiles().size() != profiles) {
					throw new IllegalStateException("the audit failed: " + result.problem());
				}
				report.append(String.format("run %d: %d ms, %d AWS calls (minimum %d), %.2fx the bound; %d distinct "
						+ "roles; calls %s%n", run, millis, account.totalCalls(), minimum, millis / boundMillis,
						result.distinctRoles(), account.calls()));
			}
		}
		System.out.print(report);
		Files.createDirectories(results.toAbsolutePath().getParent());
		Files.writeString(results, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	private static String arg(String[] args, int index, String fallback) {
		return (args.length > index) ? args[index] : fallback;
	}

}
