package org.outreachcrm.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. The JSON API under {@code /api/**} takes HTTP Basic credentials and
 * no session (scripts and curl); pages use the login form, a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<LoginThrottle> throttle) throws Exception {
		throttle.ifAvailable(
				(t) -> http.addFilterBefore(new LoginThrottleFilter(t, true), BasicAuthenticationFilter.class));
		// before authentication: a forged request costs no password check and counts as
		// no failed login
		http.addFilterBefore(new CrossSiteApiGuard(), BasicAuthenticationFilter.class);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/users/**", "/api/imports/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.DELETE, "/api/organizations/*", "/api/contacts/*")
				.hasRole("ADMIN")
				.requestMatchers("/api/reports/**")
				.hasRole("MANAGER")
				.anyRequest()
				.hasRole("STAFF"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"You do not have the rights for this request")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless Basic authentication: no cookie, so no cross-site request to
			// forge.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The OpenAPI description: for API clients with the same HTTP Basic credentials as
	 * {@code /api/**}, and for a browser already logged in to the pages (Swagger UI reads
	 * it with the session). Never anonymous: without credentials a browser is sent to the
	 * login page, a request with wrong Basic credentials gets 401.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http, ObjectProvider<LoginThrottle> throttle,
			ObjectProvider<AccountUserDetailsService> accounts) throws Exception {
		throttle.ifAvailable(
				(t) -> http.addFilterBefore(new LoginThrottleFilter(t, true), BasicAuthenticationFilter.class));
		// a page login read here is held to its account as on the pages
		accounts.ifAvailable((a) -> http.addFilterAfter(new SessionAccountCheck(a), SecurityContextHolderFilter.class));
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
				unauthorized(request, response, ex);
			}
			else {
				login.commence(request, response, ex);
			}
		};
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("STAFF"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint))
			// reads a page login's session, never creates one (Basic logins stay
			// stateless)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.headers((headers) -> headers.contentTypeOptions(Customizer.withDefaults())
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<LoginThrottle> throttle,
			ObjectProvider<AccountUserDetailsService> accounts) throws Exception {
		throttle.ifAvailable((t) -> http.addFilterBefore(new LoginThrottleFilter(t, false),
				UsernamePasswordAuthenticationFilter.class));
		// a session's login is checked against the account on every request, before any
		// rule reads its roles (web slice tests have no accounts)
		accounts.ifAvailable((a) -> http.addFilterAfter(new SessionAccountCheck(a), SecurityContextHolderFilter.class));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/webjars/**", "/vendor/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**", "/imports/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/organizations/*/delete", "/contacts/*/delete")
			.hasRole("ADMIN")
			// the home page's map and organizations per country are the managers' part
			.requestMatchers("/reports/**", "/home/countries")
			.hasRole("MANAGER")
			.anyRequest()
			.hasRole("STAFF"))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			// a new session id at login, so a session id planted before login is
			// worthless
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.contentTypeOptions(Customizer.withDefaults())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/**
	 * No Micrometer observations of Spring Security's own steps (each filter of the
	 * chain, authentication, authorization): they cost a timer and an event per filter on
	 * every request, about a twentieth of an API request's CPU, and nothing reads them.
	 * Requests stay observed as a whole ({@code http_server_requests}, with their
	 * status).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_MANAGER
				ROLE_MANAGER > ROLE_STAFF
				""");
	}

	@Bean
	PasswordEncoder passwordEncoder(ObjectProvider<AccountsProperties> properties, ObjectProvider<Clock> clock) {
		// bcrypt today, with the algorithm id stored beside each hash so it can be
		// upgraded later; successful checks are remembered briefly so that HTTP Basic
		// does not pay bcrypt on every API request (web slice tests have neither bean:
		// they get plain bcrypt)
		PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		AccountsProperties settings = properties.getIfAvailable();
		return (settings == null) ? bcrypt
				: new VerifiedPasswords(bcrypt, settings.verifiedPasswordTtl(), clock.getIfAvailable(Clock::systemUTC));
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Outreach CRM\"");
		problem(response, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic credentials to use the API");
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		problem(response, status, detail, null);
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail, @Nullable String code)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\""
					+ ((code != null) ? ",\"code\":\"" + code + "\"" : "") + "}");
	}

}
