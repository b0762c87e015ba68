package org.mlgov.console.live.aws;

import org.mlgov.console.live.LiveStateReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

/** Registers the {@link LiveStateReader} backed by AWS; the rest of the console depends only on the interface. */
@Configuration(proxyBeanMethods = false)
public class AwsReaderConfiguration {

	@Bean
	AwsClients awsClients(AwsProperties properties) {
		return new AwsClients(properties);
	}

	@Bean
	LiveStateReader liveStateReader(AwsProperties properties, AwsClients awsClients) {
		return new AwsLiveStateReader(properties, awsClients);
	}

}
