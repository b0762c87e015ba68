package org.mlgov.console.push;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Push jobs are polled and their heartbeats beaten on Spring's scheduler ({@link PushRunner}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PushConfiguration {

}
