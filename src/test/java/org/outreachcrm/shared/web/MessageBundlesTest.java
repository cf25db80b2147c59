package org.outreachcrm.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three message bundles hold the same keys, every key is used by the code or a
 * template, and each language addresses the reader one way: Romanian formally
 * ("dumneavoastră", "Alegeți", "Salvați"), Polish as "Ty" with the possessive capitalized
 * ("Twoich krajów").
 */
class MessageBundlesTest {

	private static final List<String> LANGUAGES = List.of("", "_pl", "_ro");

	/**
	 * Keys the code builds from a prefix and a value (an enum constant, a column, a
	 * record kind, a constraint), so they never appear whole in the sources.
	 */
	private static final List<String> BUILT_FROM_PREFIX = List.of(
			// enum labels: #{__${'Type.' + value}__}, enumSelect, #messages.msg('Type.' +
			// v)
			"CampaignStatus.", "ConsentSource.", "ConsentStatus.", "Direction.", "ImportMode.", "ImportStatus.",
			"InteractionType.", "InvitationStatus.", "OrganizationType.", "PartnershipStage.", "TimelineKind.",
			"reports.ReportPeriod.", "reports.ReportRunStatus.", "reports.ReportType.", "reports.ScheduleFrequency.",
			"consent.source.", "consent.status.", "import.problem.", "timeline.followUp.", "audit.record.",
			"audit.recordUnnamed.",
			// RevisionView's counts, HistoryText, HistoryValues, RecordReferences
			"audit.count.", "history.entity.", "history.noun.", "history.entry.", "history.entryUnnamed.",
			"history.field.", "history.reference.gone.", "history.source.", "history.value.",
			// RecordEditing: kind + ".created" / ".saved" / ".deleted" / ".conflict"
			"organization.", "contact.",
			// FieldMessages: labels and reasons
			"field.", "validation.reason.",
			// the import's reading and mapping notices (ImportText keys stored with runs)
			"imports.reading.", "imports.mapping.", "imports.row.", "imports.format.",
			// reports: columns, figures, tables, charts, days, sheets ("reports." +
			// "column." + key)
			"reports.column.", "reports.figure.", "reports.table.", "reports.chart.", "reports.day.", "reports.sheet.",
			"reports.summary.", "reports.none.", "reports.field.",
			// home page figures, the organization list's sortable columns
			"home.figure.", "organizations.column.",
			// the duplicates page's scans panel: a scan's status and its moment
			"ScanStatus.", "duplicates.scans.when.",
			// the duplicate queue's kinds and reasons, the merge page's heading per kind,
			// an
			// undo refused because a moved row is gone (MergeLedger)
			"duplicates.kind.", "duplicates.reason.", "merge.heading.", "merge.undo.gone.");

	/**
	 * Spring's binding error for a value of the wrong type (DefaultMessageCodesResolver).
	 */
	private static final Set<String> USED_BY_SPRING = Set.of("typeMismatch");

	/** Bean Validation's own messages, which its interpolator looks up. */
	private static final String BEAN_VALIDATION = "jakarta.validation.constraints.";

	/**
	 * Second person singular in Romanian: a pronoun, a verb, or an imperative opening.
	 */
	private static final Pattern INFORMAL_ROMANIAN = Pattern
		.compile("(?iu)(?<!\\p{L})(poți|ești|vrei|tău|ta|tale|tăi|îți|editai|ștergi|muți)(?!\\p{L})"
				+ "|(?u)(?:^|[.;:!?] )(Alege|Introdu|Scrie|Completează|Salvează|Editează|Șterge|Anulează|Caută"
				+ "|Adaugă|Filtrează|Afișează|Arată|Înregistrează|Invită|Modifică|Elimină|Așteaptă|Încearcă"
				+ "|Rulează|Descarcă|Importă|Generează|Bifează|Schimbă|Setează|Redeschide|Mută|Verifică"
				+ "|Corectează|Continuă|Planifică|Leagă)(?!\\p{L})");

	private static final Pattern LOWER_CASE_POLISH_POSSESSIVE = Pattern
		.compile("(?u)(?<!\\p{L})(twój|twoja|twoje|twoich|twoim|twoją|twojego|twojej|twoi)(?!\\p{L})");

	@Test
	void theThreeBundlesHoldTheSameKeys() {
		Set<String> english = load("").stringPropertyNames();
		for (String language : List.of("_pl", "_ro")) {
			Set<String> other = load(language).stringPropertyNames();
			assertThat(other).as("messages%s.properties", language).containsExactlyInAnyOrderElementsOf(english);
		}
	}

	@Test
	void everyKeyIsUsedByTheCodeOrATemplate() throws IOException {
		String sources = sources();
		Set<String> unused = new TreeSet<>();
		for (String key : load("").stringPropertyNames()) {
			boolean used = sources.contains(key) || USED_BY_SPRING.contains(key) || key.startsWith(BEAN_VALIDATION)
					|| BUILT_FROM_PREFIX.stream().anyMatch(key::startsWith);
			if (!used) {
				unused.add(key);
			}
		}
		assertThat(unused).as("keys nothing refers to: remove them, or name their prefix here").isEmpty();
	}

	@Test
	void everyPrefixOfBuiltKeysIsStillBuiltSomewhere() throws IOException {
		String sources = sources();
		assertThat(BUILT_FROM_PREFIX.stream().filter((prefix) -> !built(prefix, sources)))
			.as("prefixes no code builds keys from any more")
			.isEmpty();
	}

	/**
	 * Whether the sources quote the prefix or its tail ("column." of "reports.column.",
	 * which ReportTexts puts after "reports."), with or without the dot (an enum's
	 * labels: {@code enumSelect(..., 'InteractionType', ...)}).
	 */
	private static boolean built(String prefix, String sources) {
		String[] segments = prefix.split("\\.");
		for (int i = 0; i < segments.length; i++) {
			String tail = String.join(".", Arrays.copyOfRange(segments, i, segments.length));
			if (sources.contains("\"" + tail + ".") || sources.contains("'" + tail + ".")
					|| sources.contains("'" + tail + "'") || sources.contains("\"" + tail + "\"")) {
				return true;
			}
		}
		return false;
	}

	@Test
	void romanianAddressesTheReaderFormally() {
		Properties romanian = load("_ro");
		List<String> informal = romanian.stringPropertyNames()
			.stream()
			.sorted()
			.filter((key) -> INFORMAL_ROMANIAN.matcher(romanian.getProperty(key)).find())
			.map((key) -> key + "=" + romanian.getProperty(key))
			.toList();
		assertThat(informal).isEmpty();
	}

	@Test
	void recognizesInformalRomanian() {
		assertThat(Stream.of("Alege unul din listă.", "Nu poți vedea asta.", "Aria ta de țări.", "Gata. Salvează.")
			.filter((text) -> INFORMAL_ROMANIAN.matcher(text).find())).hasSize(4);
		assertThat(Stream.of("Alegeți unul din listă.", "Sistemul arată orele.", "O poate șterge doar cineva.")
			.filter((text) -> INFORMAL_ROMANIAN.matcher(text).find())).isEmpty();
	}

	@Test
	void polishCapitalizesThePossessiveOfTheReader() {
		Properties polish = load("_pl");
		List<String> lowerCase = polish.stringPropertyNames().stream().sorted().filter((key) -> {
			Matcher matcher = LOWER_CASE_POLISH_POSSESSIVE.matcher(polish.getProperty(key));
			return matcher.find();
		}).toList();
		assertThat(lowerCase).isEmpty();
	}

	private static String sources() throws IOException {
		StringBuilder text = new StringBuilder();
		for (String root : List.of("src/main/java", "src/main/resources/templates", "src/main/resources/static")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter((f) -> f.toString().endsWith(".java") || f.toString().endsWith(".html")
							|| f.toString().endsWith(".js"))
					.collect(Collectors.toList())) {
					text.append(Files.readString(file)).append('\n');
				}
			}
		}
		return text.toString();
	}

	private static Properties load(String language) {
		Properties bundle = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages" + language + ".properties")) {
			bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bundle;
	}

}
