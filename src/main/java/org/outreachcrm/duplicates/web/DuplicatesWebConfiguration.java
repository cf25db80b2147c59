package org.outreachcrm.duplicates.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the check on save for the directory's forms. */
@Configuration(proxyBeanMethods = false)
class DuplicatesWebConfiguration implements WebMvcConfigurer {

	private final PossibleDuplicatesOnSave onSave;

	DuplicatesWebConfiguration(PossibleDuplicatesOnSave onSave) {
		this.onSave = onSave;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.onSave)
			.addPathPatterns("/organizations", "/organizations/*", "/contacts", "/contacts/*");
	}

}
