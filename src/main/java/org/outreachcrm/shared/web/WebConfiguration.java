package org.outreachcrm.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: chosen with {@code ?lang=} and remembered in a cookie for a
 * year, so that coordinators who share a computer still each see their language after
 * logging in again.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Languages the message bundles cover; the first is the default. */
	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("pl"), new Locale("ro"));

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("crm-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocale(SUPPORTED.get(0));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SupportedLocaleChangeInterceptor());
	}

	static @Nullable Locale supported(@Nullable Locale locale) {
		if (locale == null) {
			return null;
		}
		return SUPPORTED.stream().filter((s) -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}

	/**
	 * Accepts only the languages we have bundles for: anything else resets to the default
	 * instead of storing a locale that would show a mix of languages.
	 */
	static class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

		SupportedLocaleChangeInterceptor() {
			setParamName("lang");
			setIgnoreInvalidLocale(true);
		}

		@Override
		protected @Nullable Locale parseLocaleValue(String localeValue) {
			return supported(super.parseLocaleValue(localeValue));
		}

	}

}
