package org.outreachcrm.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.directory.ConsentStatus;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.testsupport.FlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A browser holding the API's Basic credentials must not carry out a state-changing API
 * request that another site's form made it send; curl and scripts (no {@code Origin}, no
 * {@code Sec-Fetch-Site}) keep working.
 */
@FlowTest
class CrossSiteApiTest {

	static final String PASSWORD = "Cross-Site-Passw0rd-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Contacts contacts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String admin() {
		return this.users
			.create(new NewUser("xs" + marker(), PASSWORD, "Cross site", null, Set.of(Role.ADMIN), Set.of()))
			.username();
	}

	List<String> stateChangingApiRoutes() {
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String path : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (path.startsWith("/api/") && Set.of("POST", "PUT", "PATCH", "DELETE").contains(method.name())) {
						routes.add(method.name() + " " + path);
					}
				}
			}
		}
		return routes;
	}

	MockHttpServletRequestBuilder formPost(String route, String username) {
		String[] parts = route.split(" ", 2);
		return MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), parts[1].replaceAll("\\{[^}]+}", "1"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("status=WITHDRAWN")
			.with(httpBasic(username, PASSWORD));
	}

	@Test
	void refusesEveryStateChangingApiRouteFromAForeignOriginOrACrossSiteFetch() throws Exception {
		String admin = admin();
		List<String> routes = stateChangingApiRoutes();
		assertThat(routes).contains("POST /api/contacts/{id}/consent/withdraw", "POST /api/contacts/{id}/erasure",
				"POST /api/imports/{id}/undo", "DELETE /api/organizations/{id}", "PUT /api/users/{id}",
				"POST /api/organizations/{keepId}/merge", "POST /api/contacts/{keepId}/merge",
				"POST /api/merges/{id}/undo", "POST /api/duplicates/scans", "POST /api/duplicates/{id}/dismiss");
		for (String route : routes) {
			MvcResult foreign = this.mvc.perform(formPost(route, admin).header("Origin", "https://evil.example"))
				.andReturn();
			assertThat(foreign.getResponse().getStatus()).as(route + " with a foreign Origin").isEqualTo(403);
			assertThat(foreign.getResponse().getContentAsString()).as(route).contains("\"code\":\"api.crossSite\"");

			MvcResult opaque = this.mvc.perform(formPost(route, admin).header("Origin", "null")).andReturn();
			assertThat(opaque.getResponse().getStatus()).as(route + " with Origin: null").isEqualTo(403);

			MvcResult fetch = this.mvc.perform(formPost(route, admin).header("Sec-Fetch-Site", "cross-site"))
				.andReturn();
			assertThat(fetch.getResponse().getStatus()).as(route + " with Sec-Fetch-Site: cross-site").isEqualTo(403);

			MvcResult script = this.mvc.perform(formPost(route, admin)).andReturn();
			assertThat(script.getResponse().getStatus())
				.as(route + " from a script" + script.getResponse().getContentAsString())
				.isNotIn(401, 403);
		}
	}

	@Test
	void aForgedWithdrawalChangesNothingWhileCurlAndTheOwnOriginStillWork() throws Exception {
		String admin = admin();
		ContactDetails person = this.contacts.create(person("Fiona", "Forged " + marker(), null, "PL"));
		String uri = "/api/contacts/" + person.id() + "/consent/withdraw";

		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.post(uri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("Origin", "https://evil.example")
				.header("Sec-Fetch-Site", "cross-site")
				.with(httpBasic(admin, PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.contacts.get(person.id()).consent().status()).isNotEqualTo(ConsentStatus.WITHDRAWN);

		// the application's own origin (a same-origin page script) passes
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.post(uri)
				.header("Origin", "http://localhost")
				.header("Sec-Fetch-Site", "same-origin")
				.with(httpBasic(admin, PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		// curl -u name:password -X POST .../consent/withdraw
		assertThat(this.mvc.perform(MockMvcRequestBuilders.post(uri).with(httpBasic(admin, PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(this.contacts.get(person.id()).consent().status()).isEqualTo(ConsentStatus.WITHDRAWN);
	}

}
