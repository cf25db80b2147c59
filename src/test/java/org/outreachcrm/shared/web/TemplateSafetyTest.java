package org.outreachcrm.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every Thymeleaf template: output is escaped (no {@code th:utext}, no unescaped
 * inlining), every POST form goes through {@code th:action} (which is what adds the CSRF
 * token), and there is no inline script or event handler (the CSP would block them).
 */
class TemplateSafetyTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final List<Path> files = new ArrayList<>();

	@BeforeAll
	static void read() throws IOException {
		try (Stream<Path> paths = Files.walk(TEMPLATES)) {
			paths.filter((p) -> p.toString().endsWith(".html")).forEach(files::add);
		}
		assertThat(files).hasSizeGreaterThan(20);
	}

	static String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void noTemplateWritesUnescapedText() {
		for (Path file : files) {
			assertThat(text(file)).as(file.toString())
				.doesNotContain("th:utext", "data-th-utext", "[(", "th:inline=\"javascript\"");
		}
	}

	@Test
	void everyPostFormGoesThroughThActionSoItCarriesTheCsrfToken() {
		Pattern form = Pattern.compile("<form\\b[^>]*>", Pattern.DOTALL);
		int posts = 0;
		for (Path file : files) {
			Matcher matcher = form.matcher(text(file));
			while (matcher.find()) {
				String tag = matcher.group();
				if (tag.contains("method=\"post\"")) {
					posts++;
					assertThat(tag).as(file + ": " + tag).contains("th:action=");
				}
			}
		}
		assertThat(posts).as("POST forms found").isGreaterThan(10);
	}

	@Test
	void noInlineScriptsOrEventHandlers() {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		for (Path file : files) {
			String text = text(file);
			assertThat(inlineScript.matcher(text).find()).as(file + " has an inline script").isFalse();
			assertThat(handler.matcher(text).find()).as(file + " has an inline event handler").isFalse();
		}
	}

}
