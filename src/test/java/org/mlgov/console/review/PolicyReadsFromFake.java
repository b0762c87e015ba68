package org.mlgov.console.review;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.push.AwsWriter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An {@link AwsWriter} for review web tests on a {@link FakeLiveStateReader}: it answers the one read the push plan
 * makes beyond the reader (a customer managed policy, from the roles the fake holds) and refuses every write, since a
 * review page never writes. Install with {@code @Import({FakeLiveStateReader.Installed.class,
 * PolicyReadsFromFake.Installed.class})}.
 */
public final class PolicyReadsFromFake {

	private PolicyReadsFromFake() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		AwsWriter policyReadsFromFake(FakeLiveStateReader aws) {
			return of(aws);
		}

	}

	public static AwsWriter of(FakeLiveStateReader aws) {
		return (AwsWriter) Proxy.newProxyInstance(AwsWriter.class.getClassLoader(), new Class<?>[] { AwsWriter.class },
				(proxy, method, args) -> {
					if (method.getName().equals("readPolicy")) {
						String arn = (String) args[1];
						return aws.attachedPolicy(arn)
							.map((attached) -> new AwsWriter.ManagedPolicy(arn, "v1", attached.documentJson(),
									List.of(new AwsWriter.Version("v1", true, Instant.parse("2026-01-01T00:00:00Z")))));
					}
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "hashCode" -> System.identityHashCode(proxy);
							case "equals" -> proxy == args[0];
							default -> "PolicyReadsFromFake";
						};
					}
					throw new UnsupportedOperationException("a review page never writes: " + method.getName());
				});
	}

}
