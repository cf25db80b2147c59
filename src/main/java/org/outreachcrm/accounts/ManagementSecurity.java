package org.outreachcrm.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Operations endpoints. Health and its liveness/readiness probes answer anyone (load
 * balancers and orchestrators call them without credentials and they reveal no data);
 * metrics, Prometheus and info need an ADMIN over HTTP Basic, as scrapers send it. No
 * session is created, so probes never fill the session table.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.realmName("Outreach CRM operations"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// read-only GET endpoints with stateless Basic credentials: nothing to forge
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
