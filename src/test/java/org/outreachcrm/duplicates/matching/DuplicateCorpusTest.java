package org.outreachcrm.duplicates.matching;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality of the finder on a corpus of planted duplicates (accents dropped, Cyrillic
 * and Greek romanized, typos, reordered words, quotes and legal forms, upper case,
 * website variants) and hard negatives (siblings that differ in one word, the same name
 * in another country). Every record of a kind is pooled and searched at once, through the
 * blocking keys, as a scan would: a pair found that was not planted counts against
 * precision, a planted pair not found against recall.
 */
class DuplicateCorpusTest {

	@Test
	void organizationsAreFoundWithHighRecallAndPrecision() throws IOException {
		Quality quality = evaluate("ORGANIZATION");
		assertThat(quality.recall()).isGreaterThanOrEqualTo(0.9);
		assertThat(quality.precision()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void peopleAreFoundWithHighRecall() throws IOException {
		Quality quality = evaluate("PERSON");
		assertThat(quality.recall()).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void corpusIsLargeEnoughToMean() throws IOException {
		List<CSVRecord> rows = rows();
		assertThat(rows.stream().filter((r) -> r.get("expected").equals("DUP") && r.get("kind").equals("ORGANIZATION")))
			.hasSizeGreaterThanOrEqualTo(60);
		assertThat(rows.stream().filter((r) -> r.get("expected").equals("DUP") && r.get("kind").equals("PERSON")))
			.hasSizeGreaterThanOrEqualTo(40);
		assertThat(rows.stream().filter((r) -> r.get("expected").equals("NOT"))).hasSizeGreaterThanOrEqualTo(40);
	}

	private Quality evaluate(String kind) throws IOException {
		List<Profile> profiles = new ArrayList<>();
		Set<String> planted = new HashSet<>();
		List<String> lines = new ArrayList<>();
		long id = 1;
		for (CSVRecord row : rows()) {
			if (!row.get("kind").equals(kind)) {
				continue;
			}
			long a = id++;
			long b = id++;
			profiles.add(profile(kind, a, row, "a_"));
			profiles.add(profile(kind, b, row, "b_"));
			lines.add(row.get("category") + ": " + row.get("a_name") + " | " + row.get("b_name"));
			if (row.get("expected").equals("DUP")) {
				planted.add(a + "-" + b);
			}
		}
		List<Match> found = DuplicateFinder.find(profiles, 1000);
		Set<String> foundKeys = new HashSet<>();
		int truePositives = 0;
		for (Match match : found) {
			String key = match.firstId() + "-" + match.secondId();
			foundKeys.add(key);
			if (planted.contains(key)) {
				truePositives++;
			}
			else {
				System.out.printf("false positive (%s): %s | %s %s%n", kind, name(profiles, match.firstId()),
						name(profiles, match.secondId()), match.reasons());
			}
		}
		for (String key : planted) {
			if (!foundKeys.contains(key)) {
				long a = Long.parseLong(key.substring(0, key.indexOf('-')));
				System.out.printf("missed (%s): %s%n", kind, lines.get((int) (a - 1) / 2));
			}
		}
		double recall = (double) truePositives / planted.size();
		double precision = found.isEmpty() ? 1 : (double) truePositives / found.size();
		System.out.printf(Locale.ROOT, "duplicate corpus %s: %d planted, %d found, recall %.3f, precision %.3f%n", kind,
				planted.size(), found.size(), recall, precision);
		return new Quality(recall, precision);
	}

	private static String name(List<Profile> profiles, long id) {
		return profiles.stream().filter((p) -> p.id() == id).findFirst().map(Profile::plainName).orElse("?");
	}

	private static Profile profile(String kind, long id, CSVRecord row, String side) {
		Candidate candidate = new Candidate(id, row.get(side + "name"), blank(row.get(side + "country")),
				blank(row.get(side + "city")), blank(row.get(side + "website")), list(row.get(side + "email")),
				list(row.get(side + "phone")));
		return kind.equals("PERSON") ? Profile.person(candidate) : Profile.organization(candidate);
	}

	private static List<String> list(String value) {
		return value.isBlank() ? List.of() : List.of(value);
	}

	private static String blank(String value) {
		return value.isBlank() ? null : value;
	}

	private static List<CSVRecord> rows() throws IOException {
		try (Reader reader = new InputStreamReader(
				Objects.requireNonNull(DuplicateCorpusTest.class.getResourceAsStream("/duplicates/corpus.csv")),
				StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private record Quality(double recall, double precision) {
	}

}
