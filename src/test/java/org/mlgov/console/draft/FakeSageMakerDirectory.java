package org.mlgov.console.draft;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link SageMakerDirectory} for web tests: answers what a test put in it, and for anything else that AWS access
 * is switched off, as the console says it by default.
 */
public class FakeSageMakerDirectory implements SageMakerDirectory {

	/** What the fake answers for a listing it was not given. */
	public static final String OFF = "SageMaker ListDomains was not sent: AWS access is switched off "
			+ "for this console (whoever runs the console can turn it on).";

	/** Installs a fake as the console's directory: {@code @Import(FakeSageMakerDirectory.Installed.class)}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		FakeSageMakerDirectory fakeSageMakerDirectory() {
			return new FakeSageMakerDirectory();
		}

	}

	private final Map<String, Listing> answers = new HashMap<>();

	private final List<String> asked = new java.util.ArrayList<>();

	/** Forgets every answer and every question. */
	public void reset() {
		this.answers.clear();
		this.asked.clear();
	}

	public void domains(String account, String region, Listing answer) {
		this.answers.put("domains/" + account + "/" + region, answer);
	}

	public void userProfiles(String account, String region, String domainId, Listing answer) {
		this.answers.put("profiles/" + account + "/" + region + "/" + domainId, answer);
	}

	/** The listings asked for, in order ({@code domains/<account>/<region>}, {@code profiles/.../<domain>}). */
	public List<String> asked() {
		return List.copyOf(this.asked);
	}

	@Override
	public Listing domains(String accountId, String region) {
		return answer("domains/" + accountId + "/" + region);
	}

	@Override
	public Listing userProfiles(String accountId, String region, String domainId) {
		return answer("profiles/" + accountId + "/" + region + "/" + domainId);
	}

	private Listing answer(String key) {
		this.asked.add(key);
		return this.answers.getOrDefault(key, Listing.unavailable(OFF));
	}

}
