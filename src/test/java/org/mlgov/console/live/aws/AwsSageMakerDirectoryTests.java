package org.mlgov.console.live.aws;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.SageMakerDirectory.Entry;
import org.mlgov.console.draft.SageMakerDirectory.Listing;
import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.live.UserProfileSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's directory of domains and user profiles, read through the live-state reader. */
class AwsSageMakerDirectoryTests {

	private final FakeLiveStateReader reader = new FakeLiveStateReader();

	private final AwsSageMakerDirectory directory = new AwsSageMakerDirectory(this.reader);

	@Test
	void domainsAndProfilesAreListedWithTheirNamesAndStatus() {
		this.reader.domains("111122223333", LiveRead.found(List.of(
				new DomainSummary("d-abc123", "fraud", "InService", "arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123"))));
		this.reader.userProfiles("111122223333", "d-abc123",
				LiveRead.found(List.of(new UserProfileSummary("d-abc123", "alice", "InService"))));
		assertThat(this.directory.domains("111122223333", "us-east-1"))
			.isEqualTo(Listing.of(List.of(new Entry("d-abc123", "fraud", "InService"))));
		assertThat(this.directory.userProfiles("111122223333", "us-east-1", "d-abc123"))
			.isEqualTo(Listing.of(List.of(new Entry("alice", null, "InService"))));
	}

	@Test
	void aReadThatFailedSaysWhyInTheReadersWords() {
		this.reader.domains("111122223333", FakeLiveStateReader.problem(Kind.ACCESS_DENIED, "SageMaker", "ListDomains",
				"SageMaker ListDomains was refused for the domains of account 111122223333: access denied."));
		Listing domains = this.directory.domains("111122223333", "us-east-1");
		assertThat(domains.available()).isFalse();
		assertThat(domains.entries()).isEmpty();
		assertThat(domains.unavailable())
			.isEqualTo("SageMaker ListDomains was refused for the domains of account 111122223333: access denied.");
		assertThat(this.directory.userProfiles("111122223333", "us-east-1", "d-none").unavailable())
			.isEqualTo("Domain d-none does not exist.");
	}

}
