package org.mlgov.console.live.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.aws.AwsProblem.Kind;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import software.amazon.awssdk.regions.Region;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code console.aws.*} binding and validation, and the reader bean the rest of the console gets. */
class AwsReaderConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(AwsPropertiesConfiguration.class, AwsReaderConfiguration.class);

	@Test
	void byDefaultAwsIsOffAndEveryReadSaysSo() {
		this.contexts.run((context) -> {
			AwsProperties properties = context.getBean(AwsProperties.class);
			assertThat(properties).isEqualTo(new AwsProperties(false, "us-east-1", null, 3, false, Map.of(),
					new AwsProperties.Endpoints(null, null, null, null)));
			LiveStateReader reader = context.getBean(LiveStateReader.class);
			assertThat(reader).isInstanceOf(AwsLiveStateReader.class);
			assertThat(reader.readBucketCors("111122223333", null, "bucket").problemIfFailed().orElseThrow().kind())
				.isEqualTo(Kind.NOT_CONFIGURED);
		});
	}

	@Test
	void bindsEverySetting() {
		this.contexts
			.withPropertyValues("console.aws.enabled=true", "console.aws.region=eu-central-1",
					"console.aws.profile=governance", "console.aws.max-attempts=5", "console.aws.s3-force-path-style=true",
					"console.aws.accounts.111122223333.role-arn=arn:aws:iam::111122223333:role/ConsoleReader",
					"console.aws.endpoints.iam=http://localhost:5000", "console.aws.endpoints.sagemaker=http://localhost:5001",
					"console.aws.endpoints.s3=http://localhost:5002", "console.aws.endpoints.sts=http://localhost:5003",
					"console.aws.api-call-timeout=20s", "console.aws.api-call-attempt-timeout=1500ms")
			.run((context) -> assertThat(context.getBean(AwsProperties.class)).isEqualTo(new AwsProperties(true,
					"eu-central-1", "governance", 5, true,
					Map.of("111122223333", new AwsProperties.Account("arn:aws:iam::111122223333:role/ConsoleReader")),
					new AwsProperties.Endpoints(URI.create("http://localhost:5000"), URI.create("http://localhost:5001"),
							URI.create("http://localhost:5002"), URI.create("http://localhost:5003")),
					Duration.ofSeconds(20), Duration.ofMillis(1500))));
	}

	@Test
	void theTimeoutsDefaultToTenSecondsPerCallAndFourPerAttempt() {
		this.contexts.run((context) -> {
			AwsProperties properties = context.getBean(AwsProperties.class);
			assertThat(properties.apiCallTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(4));
		});
	}

	/** application.yml shows every console.aws setting: the active ones at their defaults, the optional ones as comments. */
	@Test
	void applicationYmlShowsTheDefaultsAndItsCommentedExamplesBind() throws Exception {
		String yml = new String(new ClassPathResource("application.yml").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		this.contexts.withInitializer(yaml("application.yml", yml))
			.run((context) -> assertThat(context.getBean(AwsProperties.class))
				.isEqualTo(new AwsProperties(false, "us-east-1", null, 3, false, Map.of(),
						new AwsProperties.Endpoints(null, null, null, null))));
		// The examples, uncommented: "    # profile: x" becomes "    profile: x".
		String uncommented = yml.replaceAll("(?m)^(    )# (profile|endpoints|accounts|  )", "$1$2");
		assertThat(uncommented).contains("\n    accounts:\n");
		this.contexts.withInitializer(yaml("application.yml, uncommented", uncommented))
			.run((context) -> {
				AwsProperties properties = context.getBean(AwsProperties.class);
				assertThat(properties.profile()).isEqualTo("ml-governance");
				assertThat(properties.endpoints().iam()).isEqualTo(URI.create("http://localhost:5000"));
				assertThat(properties.endpoints().sts()).isEqualTo(URI.create("http://localhost:5000"));
				assertThat(properties.roleArnFor("111122223333"))
					.isEqualTo("arn:aws:iam::111122223333:role/MlGovernanceConsoleReader");
			});
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String name, String text) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader().load(name, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			console.aws.accounts.111122223333.role-arn=ConsoleReader                          | must be an IAM role ARN
			console.aws.accounts.111122223333.role-arn=arn:aws:iam::999988887777:role/Reader  | must name a role in account <id>
			console.aws.accounts.prod.role-arn=arn:aws:iam::111122223333:role/Reader          | must be a 12-digit account id
			console.aws.region=Ireland                                                        | must be a Region code
			console.aws.max-attempts=0                                                        | maxAttempts
			console.aws.api-call-timeout=0s                                                   | console.aws.api-call-timeout must be more than 0
			console.aws.api-call-timeout=5m                                                   | console.aws.api-call-timeout must be more than 0 and at most 2 minutes
			console.aws.api-call-attempt-timeout=-1s                                          | console.aws.api-call-attempt-timeout must be more than 0
			console.aws.api-call-attempt-timeout=11s                                          | at most console.aws.api-call-timeout
			""")
	void refusesToStartWithAnInvalidSetting(String setting, String complaint) {
		this.contexts.withPropertyValues(setting)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(complaint));
	}

	@Test
	void iamRunsOnThePartitionOfTheAccountsRoleOrElseOfTheDefaultRegion() {
		AwsProperties properties = new AwsProperties(true, "cn-northwest-1", null, 3, false,
				Map.of("111122223333", new AwsProperties.Account("arn:aws-us-gov:iam::111122223333:role/Reader"),
						"444455556666", new AwsProperties.Account("arn:aws:iam::444455556666:role/Reader")),
				null);
		try (AwsClients clients = new AwsClients(properties)) {
			assertThat(clients.globalRegion("111122223333")).isEqualTo(Region.AWS_US_GOV_GLOBAL);
			assertThat(clients.globalRegion("444455556666")).isEqualTo(Region.AWS_GLOBAL);
			assertThat(clients.globalRegion("777788889999")).isEqualTo(Region.AWS_CN_GLOBAL);
			assertThat(clients.region(null)).isEqualTo(Region.CN_NORTHWEST_1);
			assertThat(clients.region(" eu-west-2 ")).isEqualTo(Region.EU_WEST_2);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AwsProperties.class)
	static class AwsPropertiesConfiguration {

	}

}
