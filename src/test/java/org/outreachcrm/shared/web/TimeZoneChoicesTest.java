package org.outreachcrm.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** Time zones in the order people look for them, each with its offset now. */
class TimeZoneChoicesTest {

	private final TimeZoneChoices zones = new TimeZoneChoices(
			Clock.fixed(Instant.parse("2031-01-15T12:00:00Z"), ZoneOffset.UTC));

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void putsTheChosenAndTheBrowsersZoneBeforeTheCommonOnes() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new jakarta.servlet.http.Cookie("tz", "Asia%2FTokyo"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		List<TimeZoneChoices.Choice> choices = this.zones.choices("America/Lima");

		assertThat(choices).extracting(TimeZoneChoices.Choice::id)
			.startsWith("America/Lima", "Asia/Tokyo", "Europe/Warsaw", "Europe/Bucharest")
			.doesNotHaveDuplicates()
			.contains("Pacific/Auckland")
			.hasSizeGreaterThan(300);
		assertThat(choices.get(0).label()).isEqualTo("America/Lima (UTC-05:00)");
		assertThat(choices.get(2).label()).isEqualTo("Europe/Warsaw (UTC+01:00)");
	}

	@Test
	void putsTheBrowsersAndTheUsersSavedZoneFirstThenTheMovementsThenAllByName() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new jakarta.servlet.http.Cookie("tz", "America%2FSao_Paulo"));
		request.setAttribute(ViewFormats.ZONE_ATTRIBUTE, java.time.ZoneId.of("Pacific/Auckland"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		List<TimeZoneChoices.Choice> choices = this.zones.choices(null);

		List<String> ids = choices.stream().map(TimeZoneChoices.Choice::id).toList();
		assertThat(ids.subList(0, 2 + TimeZoneChoices.COMMON.size())).containsExactlyElementsOf(
				java.util.stream.Stream
					.concat(java.util.stream.Stream.of("America/Sao_Paulo", "Pacific/Auckland"),
							TimeZoneChoices.COMMON.stream())
					.toList());
		List<String> rest = ids.subList(2 + TimeZoneChoices.COMMON.size(), ids.size());
		assertThat(rest).isSorted().doesNotContain("America/Sao_Paulo", "Pacific/Auckland", "Europe/Warsaw");
		assertThat(choices).extracting(TimeZoneChoices.Choice::label)
			.startsWith("America/Sao Paulo (UTC-03:00)", "Pacific/Auckland (UTC+13:00)", "Europe/Warsaw (UTC+01:00)",
					"Europe/Bucharest (UTC+02:00)");
		assertThat(choices).filteredOn((c) -> !c.id().equals("UTC"))
			.allMatch((c) -> c.label().matches(".+ \\(UTC([+-]\\d\\d:\\d\\d)?\\)"));
	}

	@Test
	void ignoresWhatIsNotAZone() {
		assertThat(this.zones.choices("Mars/Olympus")).extracting(TimeZoneChoices.Choice::id)
			.startsWith("Europe/Warsaw")
			.doesNotContain("Mars/Olympus");
	}

}
