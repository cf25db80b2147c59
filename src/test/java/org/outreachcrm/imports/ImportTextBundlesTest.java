package org.outreachcrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.outreachcrm.imports.mapping.MappingMessage;
import org.outreachcrm.imports.reading.ReadingMessage;
import org.outreachcrm.imports.reading.SpreadsheetFormat;
import org.outreachcrm.imports.testdata.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the import stores or writes has a sentence in each language of the user
 * interface. Each bundle file is read on its own: through a MessageSource a key missing
 * from the Polish file would quietly show the English sentence.
 */
class ImportTextBundlesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	/** Every key the import module renders, gathered from where the code names them. */
	static List<String> codes() throws IllegalAccessException {
		List<String> codes = new ArrayList<>();
		for (Field field : ImportText.Codes.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				field.setAccessible(true);
				codes.add((String) field.get(null));
			}
		}
		Arrays.stream(MappingMessage.values()).map(MappingMessage::key).forEach(codes::add);
		Arrays.stream(ReadingMessage.values()).map(ReadingMessage::key).forEach(codes::add);
		Arrays.stream(SpreadsheetFormat.values()).map(SpreadsheetFormat::description).forEach(codes::add);
		codes.addAll(List.of("import.rejections.sheet", "import.rejections.row", "import.rejections.reason"));
		return codes;
	}

	static Properties bundle(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ImportTextBundlesTest.class.getResourceAsStream("/" + file);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void everyCodeHasASentenceInEnglishPolishAndRomanian() throws Exception {
		List<String> codes = codes();
		assertThat(codes).hasSizeGreaterThan(50).doesNotHaveDuplicates();
		for (String file : List.of("messages.properties", "messages_pl.properties", "messages_ro.properties")) {
			Properties bundle = bundle(file);
			assertThat(codes.stream().filter((code) -> bundle.getProperty(code, "").isBlank()).toList())
				.as("codes without a sentence in " + file)
				.isEmpty();
		}
	}

	@Test
	void translationsAreTranslatedAndUseTheSameArguments() throws Exception {
		Properties english = bundle("messages.properties");
		Map<String, Properties> translations = Map.of("pl", bundle("messages_pl.properties"), "ro",
				bundle("messages_ro.properties"));
		for (String code : codes()) {
			translations.forEach((language, bundle) -> {
				String translated = bundle.getProperty(code, "");
				assertThat(translated).as(language + " " + code).isNotEqualTo(english.getProperty(code));
				assertThat(placeholders(translated)).as(language + " arguments of " + code)
					.isEqualTo(placeholders(english.getProperty(code)));
			});
		}
		assertThat(translations.get("pl").getProperty(ReadingMessage.PASSWORD_PROTECTED.key())).contains("hasłem");
		assertThat(translations.get("ro").getProperty(ReadingMessage.PASSWORD_PROTECTED.key())).contains("parolă");
	}

	/**
	 * Rendered as the application renders them, every argument shows: a stray apostrophe
	 * (MessageFormat's quote) would swallow the rest of a sentence.
	 */
	@Test
	void everyArgumentShowsInEveryLanguage() throws Exception {
		Properties english = bundle("messages.properties");
		for (String code : codes()) {
			int count = placeholders(english.getProperty(code)).size();
			List<String> arguments = IntStream.range(0, count).mapToObj((i) -> "ARG" + i).toList();
			for (Locale locale : Bundles.LANGUAGES) {
				String text = Bundles.text(locale, code, arguments);
				assertThat(text).as(locale + " " + code).isNotBlank().doesNotContain("{");
				arguments.forEach((argument) -> assertThat(text).as(locale + " " + code).contains(argument));
			}
		}
	}

	@Test
	void aFormatNamedInAMessageIsTranslatedWithIt() {
		List<String> arguments = List.of("lista.xls", SpreadsheetFormat.XLS.description());
		assertThat(Bundles.text(Locale.ENGLISH, ReadingMessage.DAMAGED.key(), arguments))
			.contains("\"lista.xls\" looks like an Excel 97-2003 workbook (.xls)");
		assertThat(Bundles.text(Bundles.POLISH, ReadingMessage.DAMAGED.key(), arguments))
			.contains("„lista.xls” wygląda na skoroszyt Excela 97-2003 (.xls)");
		assertThat(Bundles.text(Bundles.ROMANIAN, ReadingMessage.DAMAGED.key(), arguments))
			.contains("„lista.xls” pare să fie un registru de lucru Excel 97-2003 (.xls)");
	}

	private static TreeSet<String> placeholders(String text) {
		TreeSet<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
