package org.outreachcrm.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.FlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The OpenAPI description answers API clients with the API's Basic credentials, a browser
 * with a page login, and nobody anonymously.
 */
@FlowTest
class ApiDocsAccessTest {

	static final String PASSWORD = "Api-Docs-Passw0rd-9";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Test
	void aScriptWithBasicCredentialsReadsTheOpenApiDescriptionWithoutASession() {
		String name = this.users
			.create(new NewUser("docs" + marker(), PASSWORD, "Docs reader", null, Set.of(Role.STAFF), Set.of()))
			.username();
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").with(httpBasic(name, PASSWORD)).exchange();
		assertThat(docs).hasStatusOk();
		assertThat(docs).bodyText().contains("\"openapi\"", "/api/organizations");
		assertThat(docs.getRequest().getSession(false)).as("no session for a Basic login").isNull();
		assertThat(this.mvc.get().uri("/v3/api-docs.yaml").with(httpBasic(name, PASSWORD)).exchange()).hasStatusOk();

		MvcTestResult wrong = this.mvc.get().uri("/v3/api-docs").with(httpBasic(name, "wrong-password")).exchange();
		assertThat(wrong).hasStatus(401);
		assertThat(wrong.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void aBrowserSessionStillReadsItAndNobodyReadsItAnonymously() {
		assertThat(this.mvc.get().uri("/v3/api-docs").with(user("s").roles("STAFF")).exchange()).hasStatusOk();
		MvcTestResult anonymous = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(anonymous).hasStatus(302);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
