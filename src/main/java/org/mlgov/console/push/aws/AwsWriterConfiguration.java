package org.mlgov.console.push.aws;

import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.push.AwsWriter;
import org.mlgov.console.push.PushProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the push's {@link AwsWriter} backed by the AWS SDK, with the console's shared {@link AwsClients}. */
@Configuration(proxyBeanMethods = false)
public class AwsWriterConfiguration {

	@Bean
	AwsWriter awsWriter(AwsProperties properties, AwsClients awsClients, PushProperties push) {
		return new AwsPushWriter(properties, awsClients, push.iamPropagationAttempts(), push.iamPropagationDelay());
	}

}
