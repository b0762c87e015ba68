package org.mlgov.console.web;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pages are rendered by {@link BufferedPageView}: Spring Boot's Thymeleaf view resolver is kept as Boot configures it,
 * with the view class changed.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class PageViewConfiguration {

	@Bean
	static BeanPostProcessor bufferedPageViews() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(BufferedPageView.class);
				}
				return bean;
			}

		};
	}

}
