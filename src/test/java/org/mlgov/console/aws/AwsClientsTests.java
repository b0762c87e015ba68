package org.mlgov.console.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import static org.assertj.core.api.Assertions.assertThat;

class AwsClientsTests {

	private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

	private static final AwsProperties PROPERTIES = new AwsProperties(true, "us-east-1", null, 3, true, Map.of(),
			new AwsProperties.Endpoints(NOWHERE, NOWHERE, NOWHERE, NOWHERE), Duration.ofSeconds(10),
			Duration.ofSeconds(4));

	/** Base credentials that say whether they were closed. */
	static final class Credentials implements AwsCredentialsProvider, SdkAutoCloseable {

		boolean closed;

		@Override
		public AwsCredentials resolveCredentials() {
			return AwsBasicCredentials.create("AKIASYNTHETIC0000001", "secret");
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

	@Test
	void clientsNeverUsedMakeNothingWhenTheyAreClosed() {
		Credentials credentials = new Credentials();
		AwsClients clients = new AwsClients(PROPERTIES, credentials);

		clients.close();

		assertThat(clients.madeHttpClient()).isFalse();
		assertThat(credentials.closed).isFalse();
	}

	@Test
	void clientsUsedAreClosedWithTheHttpClientAndTheBaseCredentials() {
		Credentials credentials = new Credentials();
		AwsClients clients = new AwsClients(PROPERTIES, credentials);
		IamClient iam = clients.iam("111122223333");

		assertThat(clients.iam("111122223333")).isSameAs(iam);
		assertThat(clients.madeHttpClient()).isTrue();
		clients.close();

		assertThat(clients.madeHttpClient()).isFalse();
		assertThat(credentials.closed).isTrue();
	}

}
