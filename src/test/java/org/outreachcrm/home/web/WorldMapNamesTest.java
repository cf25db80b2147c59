package org.outreachcrm.home.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WorldMapNamesTest {

	static final String GEOMETRY = "/static/vendor/world-atlas-2.0.2/countries-110m.json";

	@Test
	void everyCountryOfTheShippedMapHasACodeButTheAreasWithoutOne() throws IOException {
		List<String> unknown = new ArrayList<>();
		int countries = 0;
		try (InputStream in = WorldMapNamesTest.class.getResourceAsStream(GEOMETRY)) {
			assertThat(in).as("the geometry ships with the app").isNotNull();
			JsonNode geometries = JsonMapper.builder()
				.build()
				.readTree(in)
				.path("objects")
				.path("countries")
				.path("geometries");
			for (JsonNode geometry : geometries) {
				countries++;
				String name = geometry.path("properties").path("name").asString();
				if (!WorldMapNames.CODES.containsKey(name)) {
					unknown.add(name);
				}
			}
		}
		assertThat(countries).isGreaterThan(170);
		assertThat(unknown).containsExactlyInAnyOrder("N. Cyprus", "Somaliland", "Kosovo");
		assertThat(WorldMapNames.CODES).containsEntry("Poland", "PL")
			.containsEntry("Romania", "RO")
			.containsEntry("United States of America", "US")
			.containsEntry("eSwatini", "SZ")
			.containsEntry("Bosnia and Herz.", "BA");
	}

}
