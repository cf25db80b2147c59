package org.outreachcrm.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key is used: written out in the code, templates or scripts, or one of a
 * family whose key the code puts together at run time (an enum's values, a report's
 * columns, a record kind's outcomes, the history's field labels, validation reasons). A
 * key left behind when its page changed fails here, so the translators are not asked for
 * text nobody reads.
 */
class MessageKeysUsedTest {

	// families of keys built at run time ("'PartnershipStage.' + stage", "kind +
	// '.saved'",
	// "texts.get('column.' + key)", FieldMessages' "field." + property, ...)
	static final List<Pattern> BUILT = Stream
		.of("(CampaignStatus|Direction|ImportMode|ImportStatus|InteractionType|InvitationStatus|PartnershipStage"
				+ "|TimelineKind)\\..+", "(organization|contact)\\.(created|saved|conflict|deleted|deleteConflict)",
				"audit\\.(count|record|recordUnnamed)\\..+", "consent\\.(source|status)\\..+", "field\\..+",
				"history\\.(action|entity|entry|entryUnnamed|field|noun|reference\\.gone|source|value)\\..+",
				"home\\.figure\\..+", "import\\.problem\\..+", "imports\\.(format|mapping|reading)\\..+",
				"jakarta\\.validation\\.constraints\\..+", "organizations\\.column\\..+",
				"reports\\.(ReportPeriod|ReportRunStatus|ReportType|ScheduleFrequency|chart|column|day|figure|none"
						+ "|sheet|summary|table)\\..+",
				"timeline\\.followUp\\..+", "typeMismatch", "validation\\.reason\\..+")
		.map(Pattern::compile)
		.toList();

	@Test
	void everyMessageKeyIsUsedSomewhere() throws IOException {
		Properties english = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		String sources = sources();
		List<String> unused = english.stringPropertyNames()
			.stream()
			.filter((key) -> !sources.contains(key))
			.filter((key) -> BUILT.stream().noneMatch((p) -> p.matcher(key).matches()))
			.sorted()
			.toList();
		assertThat(unused).as("message keys nothing reads").isEmpty();
	}

	private static String sources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			return files.filter(Files::isRegularFile)
				.filter((f) -> !f.getFileName().toString().startsWith("messages"))
				.filter((f) -> f.toString().matches(".*\\.(java|html|js|sql|yml|properties)"))
				.filter((f) -> !f.toString().contains("/static/vendor/") && !f.toString().contains("/webjars/"))
				.map(MessageKeysUsedTest::read)
				.collect(Collectors.joining("\n"));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
