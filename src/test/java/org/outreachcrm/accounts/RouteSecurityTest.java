package org.outreachcrm.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Walks every route of the application as anonymous, STAFF, MANAGER, ADMIN and an ADMIN
 * limited to one country, and checks who gets in. A route added without an entry in
 * {@link #RULES} fails {@link #everyRouteHasARule()}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class RouteSecurityTest {

	/** Lowest role a route needs; PUBLIC needs none. */
	enum Access {

		PUBLIC, STAFF, MANAGER, ADMIN

	}

	static final Map<String, Access> RULES = new TreeMap<>();

	static {
		// directory API
		RULES.put("GET /api/organizations", Access.STAFF);
		RULES.put("POST /api/organizations", Access.STAFF);
		RULES.put("GET /api/organizations/{id}", Access.STAFF);
		RULES.put("PUT /api/organizations/{id}", Access.STAFF);
		RULES.put("DELETE /api/organizations/{id}", Access.ADMIN);
		RULES.put("GET /api/organizations/{id}/affiliations", Access.STAFF);
		RULES.put("POST /api/organizations/{id}/stage", Access.STAFF);
		RULES.put("POST /api/organizations/{keepId}/merge", Access.STAFF);
		RULES.put("POST /api/contacts/{keepId}/merge", Access.STAFF);
		RULES.put("POST /api/merges/{id}/undo", Access.STAFF);
		RULES.put("GET /organizations/{keepId}/merge/{otherId}", Access.STAFF);
		RULES.put("POST /organizations/{keepId}/merge/{otherId}", Access.STAFF);
		RULES.put("GET /contacts/{keepId}/merge/{otherId}", Access.STAFF);
		RULES.put("POST /contacts/{keepId}/merge/{otherId}", Access.STAFF);
		RULES.put("POST /merges/{id}/undo", Access.STAFF);
		RULES.put("GET /api/contacts", Access.STAFF);
		RULES.put("POST /api/contacts", Access.STAFF);
		RULES.put("GET /api/contacts/{id}", Access.STAFF);
		RULES.put("PUT /api/contacts/{id}", Access.STAFF);
		RULES.put("DELETE /api/contacts/{id}", Access.ADMIN);
		RULES.put("GET /api/contacts/{id}/affiliations", Access.STAFF);
		RULES.put("POST /api/contacts/{id}/affiliations", Access.STAFF);
		RULES.put("GET /api/contacts/{id}/affiliations/{affiliationId}", Access.STAFF);
		RULES.put("PUT /api/contacts/{id}/affiliations/{affiliationId}", Access.STAFF);
		RULES.put("DELETE /api/contacts/{id}/affiliations/{affiliationId}", Access.STAFF);
		// outreach API
		RULES.put("GET /api/interactions", Access.STAFF);
		RULES.put("POST /api/interactions", Access.STAFF);
		RULES.put("GET /api/interactions/{id}", Access.STAFF);
		RULES.put("PUT /api/interactions/{id}", Access.STAFF);
		RULES.put("DELETE /api/interactions/{id}", Access.STAFF);
		RULES.put("GET /api/duplicates", Access.STAFF);
		RULES.put("POST /api/duplicates/scans", Access.STAFF);
		RULES.put("GET /api/duplicates/scans/{id}", Access.STAFF);
		RULES.put("POST /api/duplicates/{id}/dismiss", Access.STAFF);
		RULES.put("GET /api/follow-ups", Access.STAFF);
		RULES.put("GET /api/follow-ups/mine", Access.STAFF);
		RULES.put("GET /api/follow-ups/{id}", Access.STAFF);
		RULES.put("POST /api/follow-ups/{id}/complete", Access.STAFF);
		RULES.put("GET /api/campaigns", Access.STAFF);
		RULES.put("POST /api/campaigns", Access.STAFF);
		RULES.put("GET /api/campaigns/{id}", Access.STAFF);
		RULES.put("PUT /api/campaigns/{id}", Access.STAFF);
		RULES.put("DELETE /api/campaigns/{id}", Access.STAFF);
		RULES.put("GET /api/campaigns/{id}/progress", Access.STAFF);
		RULES.put("GET /api/organizations/{id}/timeline", Access.STAFF);
		RULES.put("GET /api/contacts/{id}/timeline", Access.STAFF);
		RULES.put("GET /api/outreach/cold-organizations", Access.STAFF);
		// meetings API
		RULES.put("GET /api/meetings", Access.STAFF);
		RULES.put("POST /api/meetings", Access.STAFF);
		RULES.put("GET /api/meetings/{id}", Access.STAFF);
		RULES.put("PUT /api/meetings/{id}", Access.STAFF);
		RULES.put("DELETE /api/meetings/{id}", Access.STAFF);
		RULES.put("GET /api/meetings/{id}/invitations", Access.STAFF);
		RULES.put("POST /api/meetings/{id}/invitations", Access.STAFF);
		RULES.put("POST /api/meetings/{id}/invitations/bulk", Access.STAFF);
		RULES.put("PUT /api/meetings/{id}/invitations/{invitationId}", Access.STAFF);
		RULES.put("POST /api/meetings/{id}/attendance", Access.STAFF);
		RULES.put("GET /api/meetings/{id}/delegation", Access.STAFF);
		RULES.put("GET /api/meetings/{id}/export.xlsx", Access.STAFF);
		RULES.put("GET /api/meetings/{id}/export.ics", Access.STAFF);
		// users API
		RULES.put("GET /api/users", Access.ADMIN);
		RULES.put("POST /api/users", Access.ADMIN);
		RULES.put("GET /api/users/{id}", Access.ADMIN);
		RULES.put("PUT /api/users/{id}", Access.ADMIN);
		RULES.put("POST /api/users/{id}/password", Access.ADMIN);
		// imports API
		RULES.put("GET /api/imports", Access.ADMIN);
		RULES.put("POST /api/imports", Access.ADMIN);
		RULES.put("GET /api/imports/{id}", Access.ADMIN);
		RULES.put("GET /api/imports/{id}/problems", Access.ADMIN);
		RULES.put("GET /api/imports/{id}/rejections", Access.ADMIN);
		RULES.put("POST /api/imports/{id}/undo", Access.ADMIN);
		// reports API
		RULES.put("GET /api/reports/runs", Access.MANAGER);
		RULES.put("POST /api/reports/runs", Access.MANAGER);
		RULES.put("GET /api/reports/runs/{id}", Access.MANAGER);
		RULES.put("GET /api/reports/runs/{id}/file", Access.MANAGER);
		RULES.put("GET /api/reports/runs/{id}/deliveries", Access.MANAGER);
		RULES.put("GET /api/reports/runs/{id}/result", Access.MANAGER);
		RULES.put("POST /api/reports/runs/{id}/again", Access.MANAGER);
		RULES.put("GET /api/reports/schedules", Access.MANAGER);
		RULES.put("POST /api/reports/schedules", Access.MANAGER);
		RULES.put("GET /api/reports/schedules/{id}", Access.MANAGER);
		RULES.put("PUT /api/reports/schedules/{id}", Access.MANAGER);
		RULES.put("DELETE /api/reports/schedules/{id}", Access.MANAGER);
		// pages
		RULES.put("GET /login", Access.PUBLIC);
		RULES.put("GET /outreach/going-cold", Access.STAFF);
		RULES.put("GET /duplicates", Access.STAFF);
		RULES.put("POST /duplicates/{id}/dismiss", Access.STAFF);
		RULES.put("GET /duplicates/scans", Access.STAFF);
		RULES.put("POST /duplicates/scans", Access.STAFF);
		RULES.put("GET /", Access.STAFF);
		RULES.put("GET /directory", Access.STAFF);
		RULES.put("GET /organizations", Access.STAFF);
		RULES.put("POST /organizations", Access.STAFF);
		RULES.put("GET /organizations/new", Access.STAFF);
		RULES.put("GET /organizations/options", Access.STAFF);
		RULES.put("GET /organizations/{id}", Access.STAFF);
		RULES.put("POST /organizations/{id}", Access.STAFF);
		RULES.put("GET /organizations/{id}/edit", Access.STAFF);
		RULES.put("POST /organizations/{id}/delete", Access.ADMIN);
		RULES.put("POST /organizations/{id}/affiliations", Access.STAFF);
		RULES.put("GET /contacts", Access.STAFF);
		RULES.put("POST /contacts", Access.STAFF);
		RULES.put("GET /contacts/new", Access.STAFF);
		RULES.put("GET /contacts/options", Access.STAFF);
		RULES.put("GET /contacts/{id}", Access.STAFF);
		RULES.put("POST /contacts/{id}", Access.STAFF);
		RULES.put("GET /contacts/{id}/edit", Access.STAFF);
		RULES.put("POST /contacts/{id}/delete", Access.ADMIN);
		RULES.put("POST /contacts/{contactId}/affiliations", Access.STAFF);
		RULES.put("GET /contacts/{contactId}/affiliations/{affiliationId}/edit", Access.STAFF);
		RULES.put("POST /contacts/{contactId}/affiliations/{affiliationId}", Access.STAFF);
		RULES.put("POST /contacts/{contactId}/affiliations/{affiliationId}/delete", Access.STAFF);
		RULES.put("POST /contacts/{contactId}/affiliations/{affiliationId}/end", Access.STAFF);
		RULES.put("GET /account/password", Access.STAFF);
		RULES.put("POST /account/password", Access.STAFF);
		// interaction and follow-up pages, home page actions, the top bar's suggestions
		RULES.put("GET /api/follow-ups/done", Access.STAFF);
		RULES.put("GET /follow-ups/done", Access.STAFF);
		RULES.put("GET /follow-ups/{id}", Access.STAFF);
		RULES.put("GET /follow-ups/{id}/history", Access.STAFF);
		RULES.put("GET /home/log-targets", Access.STAFF);
		RULES.put("GET /home/countries", Access.MANAGER);
		RULES.put("GET /interactions/{id}", Access.STAFF);
		RULES.put("GET /interactions/{id}/edit", Access.STAFF);
		RULES.put("GET /interactions/{id}/history", Access.STAFF);
		RULES.put("GET /search/suggest", Access.STAFF);
		RULES.put("POST /account/password/zone", Access.STAFF);
		RULES.put("POST /api/follow-ups/{id}/reassign", Access.STAFF);
		RULES.put("POST /api/follow-ups/{id}/reopen", Access.STAFF);
		RULES.put("POST /api/follow-ups/{id}/snooze", Access.STAFF);
		RULES.put("POST /follow-ups/{id}/reassign", Access.STAFF);
		RULES.put("POST /follow-ups/{id}/reopen", Access.STAFF);
		RULES.put("POST /follow-ups/{id}/snooze", Access.STAFF);
		RULES.put("POST /home/follow-ups/{id}/complete", Access.STAFF);
		RULES.put("POST /home/follow-ups/{id}/snooze", Access.STAFF);
		RULES.put("POST /interactions/{id}", Access.STAFF);
		RULES.put("POST /interactions/{id}/delete", Access.STAFF);
		RULES.put("GET /admin/users", Access.ADMIN);
		RULES.put("POST /admin/users", Access.ADMIN);
		RULES.put("GET /admin/users/new", Access.ADMIN);
		RULES.put("GET /admin/users/{id}/edit", Access.ADMIN);
		RULES.put("POST /admin/users/{id}", Access.ADMIN);
		RULES.put("GET /admin/users/{id}/password", Access.ADMIN);
		RULES.put("POST /admin/users/{id}/password", Access.ADMIN);
		// import pages
		RULES.put("GET /imports", Access.ADMIN);
		RULES.put("POST /imports", Access.ADMIN);
		RULES.put("GET /imports/new", Access.ADMIN);
		RULES.put("GET /imports/{id}", Access.ADMIN);
		RULES.put("GET /imports/{id}/mapping", Access.ADMIN);
		RULES.put("POST /imports/{id}/sheet", Access.ADMIN);
		RULES.put("POST /imports/{id}/start", Access.ADMIN);
		RULES.put("GET /imports/{id}/rejections.xlsx", Access.ADMIN);
		RULES.put("POST /imports/{id}/undo", Access.ADMIN);
		RULES.put("POST /imports/{id}/rerun", Access.ADMIN);
		// outreach pages
		RULES.put("GET /organizations/{id}/timeline", Access.STAFF);
		RULES.put("POST /organizations/{id}/interactions", Access.STAFF);
		RULES.put("GET /contacts/{id}/timeline", Access.STAFF);
		RULES.put("POST /contacts/{id}/interactions", Access.STAFF);
		RULES.put("GET /follow-ups", Access.STAFF);
		RULES.put("POST /follow-ups/{id}/complete", Access.STAFF);
		RULES.put("GET /meetings", Access.STAFF);
		RULES.put("POST /meetings", Access.STAFF);
		RULES.put("GET /meetings/new", Access.STAFF);
		RULES.put("GET /meetings/{id}", Access.STAFF);
		RULES.put("POST /meetings/{id}", Access.STAFF);
		RULES.put("GET /meetings/{id}/edit", Access.STAFF);
		RULES.put("POST /meetings/{id}/invitations", Access.STAFF);
		RULES.put("POST /meetings/{id}/invitations/{invitationId}", Access.STAFF);
		RULES.put("POST /meetings/{id}/attendance", Access.STAFF);
		RULES.put("GET /meetings/{id}/export.xlsx", Access.STAFF);
		RULES.put("GET /meetings/{id}/export.ics", Access.STAFF);
		RULES.put("GET /campaigns", Access.STAFF);
		RULES.put("POST /campaigns", Access.STAFF);
		RULES.put("GET /campaigns/new", Access.STAFF);
		RULES.put("GET /campaigns/{id}", Access.STAFF);
		RULES.put("POST /campaigns/{id}", Access.STAFF);
		RULES.put("GET /campaigns/{id}/edit", Access.STAFF);
		RULES.put("POST /campaigns/{id}/targets", Access.STAFF);
		RULES.put("POST /campaigns/{id}/targets/{organizationId}/remove", Access.STAFF);
		// report pages
		RULES.put("GET /reports", Access.MANAGER);
		RULES.put("GET /reports/history", Access.MANAGER);
		RULES.put("POST /reports/runs", Access.MANAGER);
		RULES.put("GET /reports/runs/{id}", Access.MANAGER);
		RULES.put("GET /reports/runs/{id}/file", Access.MANAGER);
		RULES.put("POST /reports/runs/{id}/again", Access.MANAGER);
		RULES.put("GET /reports/schedules", Access.MANAGER);
		RULES.put("POST /reports/schedules", Access.MANAGER);
		RULES.put("GET /reports/schedules/new", Access.MANAGER);
		RULES.put("GET /reports/schedules/{id}/edit", Access.MANAGER);
		RULES.put("POST /reports/schedules/{id}", Access.MANAGER);
		RULES.put("POST /reports/schedules/{id}/delete", Access.MANAGER);
		// audit history and personal-data rights
		RULES.put("GET /organizations/{id}/history", Access.STAFF);
		RULES.put("GET /contacts/{id}/history", Access.STAFF);
		RULES.put("GET /meetings/{id}/history", Access.STAFF);
		RULES.put("GET /admin/audit", Access.ADMIN);
		RULES.put("GET /api/audit", Access.ADMIN);
		RULES.put("GET /api/organizations/{id}/history", Access.STAFF);
		RULES.put("GET /api/contacts/{id}/history", Access.STAFF);
		RULES.put("PUT /api/contacts/{id}/consent", Access.STAFF);
		RULES.put("POST /api/contacts/{id}/consent/withdraw", Access.STAFF);
		RULES.put("POST /contacts/{id}/consent", Access.STAFF);
		RULES.put("POST /contacts/{id}/consent/withdraw", Access.STAFF);
		RULES.put("GET /api/contacts/{id}/personal-data", Access.ADMIN);
		RULES.put("GET /api/contacts/{id}/personal-data.xlsx", Access.ADMIN);
		RULES.put("POST /api/contacts/{id}/erasure", Access.ADMIN);
		RULES.put("GET /api/erasures", Access.ADMIN);
		RULES.put("GET /contacts/{id}/personal-data", Access.ADMIN);
		RULES.put("GET /contacts/{id}/personal-data.xlsx", Access.ADMIN);
		RULES.put("GET /contacts/{id}/erase", Access.ADMIN);
		RULES.put("POST /contacts/{id}/erase", Access.ADMIN);
		RULES.put("GET /admin/erasures", Access.ADMIN);
		// API description
		RULES.put("GET /v3/api-docs", Access.STAFF);
		RULES.put("GET /v3/api-docs.yaml", Access.STAFF);
		RULES.put("GET /v3/api-docs/swagger-config", Access.STAFF);
		RULES.put("GET /swagger-ui.html", Access.STAFF);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteHasARule() {
		List<String> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().getPackageName().startsWith("org.springframework.boot")) {
				continue; // Boot's /error
			}
			RequestMappingInfo info = entry.getKey();
			for (String path : info.getPatternValues()) {
				TreeSet<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
				if (methods.isEmpty()) {
					methods.add("GET");
				}
				methods.forEach((method) -> routes.add(method + " " + path));
			}
		}
		assertThat(RULES.keySet()).as("routes without an access rule in RouteSecurityTest.RULES")
			.containsAll(routes.stream().filter((r) -> !r.contains("swagger-ui")).toList());
	}

	static Stream<Arguments> routesAndRoles() {
		List<Arguments> cases = new ArrayList<>();
		for (Map.Entry<String, Access> rule : RULES.entrySet()) {
			for (Access caller : Access.values()) {
				cases.add(Arguments.of(rule.getKey(), rule.getValue(), caller));
			}
		}
		return cases.stream();
	}

	static Stream<Arguments> routes() {
		return RULES.entrySet().stream().map((rule) -> Arguments.of(rule.getKey(), rule.getValue()));
	}

	/**
	 * A user limited to one country keeps the rights of their role on every route: the
	 * scope hides records (404), it never answers 401 or 403, and never fails.
	 */
	@ParameterizedTest(name = "{0} needs {1}, called as an ADMIN limited to PL")
	@MethodSource("routes")
	void aScopedUserKeepsTheRightsOfTheirRole(String route, Access needed) throws Exception {
		UserView scoped = this.users.create(new NewUser("scoped-admin", "Scoped-Passw0rd-42", "Scoped admin", null,
				Set.of(Role.ADMIN), Set.of("PL")));
		String[] parts = route.split(" ", 2);
		String path = parts[1].replaceAll("\\{[^}]+}", "1");
		MvcResult result = this.mvc
			.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.with(csrf())
				.with(user(scoped.username()).roles("ADMIN")))
			.andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).as(route + " as a scoped admin").isNotIn(401, 403).isLessThan(500);
		if (status == 302) {
			assertThat(result.getResponse().getRedirectedUrl()).as(route).doesNotEndWith("/login");
		}
	}

	@ParameterizedTest(name = "{0} needs {1}, called as {2}")
	@MethodSource("routesAndRoles")
	void eachRoleGetsExactlyItsRights(String route, Access needed, Access caller) throws Exception {
		String[] parts = route.split(" ", 2);
		String path = parts[1].replaceAll("\\{[^}]+}", "1");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(csrf());
		if (caller != Access.PUBLIC) {
			request.with(user(caller.name().toLowerCase()).roles(caller.name()));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		boolean api = path.startsWith("/api/");

		if (caller.ordinal() >= needed.ordinal()) {
			// a write the country scope refuses (403 with a scope.* code) is no role
			// refusal:
			// these callers have no account, so no country is theirs
			if (status == 403 && result.getResponse().getContentAsString().contains("\"code\":\"scope.")) {
				return;
			}
			assertThat(status).as(route + " as " + caller).isNotIn(401, 403);
			if (status == 302) {
				assertThat(result.getResponse().getRedirectedUrl()).as(route + " as " + caller)
					.doesNotEndWith("/login");
			}
		}
		else if (caller == Access.PUBLIC && api) {
			assertThat(status).as(route + " anonymously").isEqualTo(401);
		}
		else if (caller == Access.PUBLIC) {
			assertThat(status).as(route + " anonymously").isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		}
		else {
			assertThat(status).as(route + " as " + caller).isEqualTo(403);
		}
	}

}
