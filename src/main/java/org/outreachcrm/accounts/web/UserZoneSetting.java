package org.outreachcrm.accounts.web;

import java.security.Principal;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user's time zone where every page and {@code @formats} read it. A
 * user without a setting gets the browser's zone (the {@code tz} cookie {@code app.js}
 * sets) as their setting the first time they open a page; from then on the setting wins,
 * whichever browser they use, until they change it on "My account".
 */
@Configuration(proxyBeanMethods = false)
class UserZoneSetting implements WebMvcConfigurer {

	private final ObjectProvider<UserZones> zones;

	UserZoneSetting(ObjectProvider<UserZones> zones) {
		this.zones = zones;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				resolve(request);
				return true;
			}
		}).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/images/**", "/vendor/**");
	}

	void resolve(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		UserZones users = this.zones.getIfAvailable();
		if (principal == null || users == null) {
			return;
		}
		Optional<ZoneId> setting = users.of(principal.getName());
		if (setting.isEmpty()) {
			Optional<ZoneId> browser = ViewFormats.browserZone(request);
			if (browser.isEmpty()) {
				return;
			}
			users.use(principal.getName(), browser.get());
			setting = browser;
		}
		request.setAttribute(ViewFormats.ZONE_ATTRIBUTE, setting.get());
	}

}
