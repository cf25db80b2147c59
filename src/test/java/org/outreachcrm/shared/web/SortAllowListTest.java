package org.outreachcrm.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.FlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Walks every list endpoint: an API list refuses a sort by anything it does not allow
 * with a 400 problem naming the allowed values, and sorts by each allowed one; no page
 * answers 500 to a made-up sort.
 */
@FlowTest
class SortAllowListTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Route(String path, HandlerMethod handler) {
	}

	List<Route> getRoutes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			var methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.outreachcrm")) {
				continue;
			}
			for (String path : entry.getKey().getPatternValues()) {
				routes.add(new Route(path, entry.getValue()));
			}
		}
		return routes;
	}

	MvcResult list(String path, String... sorts) throws Exception {
		return this.mvc
			.perform(get(path.replaceAll("\\{[^}]+}", "1")).param("sort", sorts).with(user("admin").roles("ADMIN")))
			.andReturn();
	}

	@Test
	void everyPageableApiListAllowsOnlyItsDeclaredSorts() throws Exception {
		List<String> walked = new ArrayList<>();
		for (Route route : getRoutes()) {
			MethodParameter pageable = SortAllowList.pageableParameter(route.handler());
			if (pageable == null) {
				continue;
			}
			assertThat(AnnotatedElementUtils.hasAnnotation(route.handler().getBeanType(), RestController.class))
				.as(route.path() + " takes a Pageable: only API controllers may (pages allow-list in their filter)")
				.isTrue();
			walked.add(route.path());
			List<String> allowed = SortAllowList.allowed(route.handler(), pageable);
			for (String junk : new String[] { "x)", "passwordHash", "passwordHash,desc", "id;DROP TABLE app_user" }) {
				MvcResult refused = list(route.path(), junk);
				String body = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
				assertThat(refused.getResponse().getStatus()).as(route.path() + "?sort=" + junk + ": " + body)
					.isEqualTo(400);
				assertThat(body).as(route.path()).contains("\"code\":\"sort.invalid\"");
				if (allowed.isEmpty()) {
					assertThat(body).as(route.path()).contains("fixed order");
				}
				else {
					assertThat(body).as(route.path()).contains(allowed);
				}
			}
			if (!route.path().contains("{")) {
				for (String property : allowed) {
					MvcResult sorted = list(route.path(), property + ",desc");
					assertThat(sorted.getResponse().getStatus())
						.as(route.path() + "?sort=" + property + " " + sorted.getResponse().getContentAsString())
						.isEqualTo(200);
				}
			}
		}
		assertThat(walked).contains("/api/users", "/api/reports/schedules", "/api/organizations", "/api/contacts",
				"/api/meetings", "/api/audit", "/api/imports");
	}

	@Test
	void theReportedSortsAreRefusedWithTheAllowedValues() throws Exception {
		MvcResult users = list("/api/users", "passwordHash");
		assertThat(users.getResponse().getStatus()).isEqualTo(400);
		assertThat(users.getResponse().getContentAsString()).contains("\"allowed\":[\"username\",\"displayName\"");
		assertThat(list("/api/users", "x)").getResponse().getStatus()).isEqualTo(400);
		MvcResult schedules = list("/api/reports/schedules", "anything");
		assertThat(schedules.getResponse().getStatus()).isEqualTo(400);
		assertThat(schedules.getResponse().getContentAsString()).contains("Cannot sort by 'anything'", "reportType");
		MvcResult meetings = list("/api/meetings", "title");
		assertThat(meetings.getResponse().getContentAsString()).contains("fixed order", "\"allowed\":[]");
	}

	@Test
	void noPageFailsOnAMadeUpSort() throws Exception {
		List<String> walked = new ArrayList<>();
		for (Route route : getRoutes()) {
			if (route.path().startsWith("/api/") || route.path().contains("{") || route.path().startsWith("/error")
					|| route.path().startsWith("/logout")) {
				continue;
			}
			walked.add(route.path());
			MvcResult page = list(route.path(), "x)", "passwordHash,desc");
			assertThat(page.getResponse().getStatus()).as(route.path()).isLessThan(500);
		}
		assertThat(walked).contains("/organizations", "/contacts", "/admin/users");
	}

}
