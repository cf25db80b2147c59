package org.outreachcrm.shared.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code messageSource} of the application, in place of Spring Boot's: the same
 * {@code spring.messages.*} settings, formatted by ICU so that counts take the plural
 * form of each language. Web slice tests import it (through {@code WebSecurityForTests})
 * so that pages read there as in the application.
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		return icuMessages(properties);
	}

	/**
	 * The bundles as the application reads them, for tests and tools outside a context.
	 */
	public static IcuMessageSource icuMessages(MessageSourceProperties properties) {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			messages.setCacheMillis(cacheDuration.toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

}
