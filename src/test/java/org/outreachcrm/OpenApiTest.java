package org.outreachcrm;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiRouteIsInTheGeneratedDescription() throws Exception {
		var result = this.mvc.get().uri("/v3/api-docs").with(user("s").roles("STAFF")).exchange();
		assertThat(result).hasStatusOk();
		JsonNode paths = this.json.readTree(result.getResponse().getContentAsString()).get("paths");

		List<String> documented = new ArrayList<>();
		paths.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> documented.add(method.toUpperCase() + " " + path.getKey())));
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach((m) -> routes.add(m.name() + " " + path));
				}
			}
		}

		assertThat(routes).isNotEmpty();
		assertThat(documented).containsAll(routes);
	}

	@Test
	void swaggerUiIsServedLocally() {
		assertThat(this.mvc.get().uri("/swagger-ui/index.html").with(user("s").roles("STAFF")).exchange())
			.hasStatusOk();
	}

}
