package org.outreachcrm.bench;

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
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;

/**
 * The duplicate corpus's recall when its records sit among the scale data set's people
 * (issue 18: what {@code crm.duplicates.max-block} costs). The corpus test compares the
 * corpus alone, where every block is small; here a planted pair shares its blocks with
 * the generated population of its country (the generator's 144 full names per country
 * make blocks of about 46 people per name at 200,000 people and 365 at 1,000,000), so a
 * lower {@code max-block} drops the blocks that named it. Prints, per {@code max-block},
 * the corpus's planted pairs found, its false pairs, the pairs among generated people
 * (same name only: their e-mails differ), and the seconds. Run: {@code java -Xmx4g -cp
 * target/test-classes:target/classes:<deps> org.outreachcrm.bench.DuplicateCorpusAtScale
 * 1000000 100,50} (people, max-block values).
 */
public final class DuplicateCorpusAtScale {

	/** Corpus records get ids far above the generated ones. */
	private static final long CORPUS_IDS = 100_000_000L;

	private DuplicateCorpusAtScale() {
	}

	public static void main(String[] args) throws IOException {
		int people = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		List<Integer> maxBlocks = List.of((args.length > 1) ? args[1] : "100,50")
			.stream()
			.flatMap((value) -> List.of(value.split(",")).stream())
			.map(Integer::valueOf)
			.toList();
		int organizations = people / 5;
		List<Profile> profiles = new ArrayList<>(people + 200);
		for (long p = 1; p <= people; p++) {
			// the generator gives a person the country of their organization
			ScaleData.Country country = ScaleData.country(p * organizations / people);
			profiles.add(Profile.person(new Candidate(p, ScaleData.displayName(p, country), country.code(), null, null,
					List.of(ScaleData.email(p, country)), List.of())));
		}
		Set<String> planted = new HashSet<>();
		long id = CORPUS_IDS;
		for (CSVRecord row : corpus()) {
			if (!row.get("kind").equals("PERSON")) {
				continue;
			}
			long a = ++id;
			long b = ++id;
			profiles.add(Profile.person(candidate(a, row, "a_")));
			profiles.add(Profile.person(candidate(b, row, "b_")));
			if (row.get("expected").equals("DUP")) {
				planted.add(a + "-" + b);
			}
		}
		for (int maxBlock : maxBlocks) {
			long start = System.nanoTime();
			List<Match> found = DuplicateFinder.find(profiles, maxBlock);
			double seconds = (System.nanoTime() - start) / 1e9;
			int truePositives = 0;
			int falseCorpus = 0;
			long generated = 0;
			for (Match match : found) {
				if (match.firstId() < CORPUS_IDS && match.secondId() < CORPUS_IDS) {
					generated++;
				}
				else if (planted.contains(match.firstId() + "-" + match.secondId())) {
					truePositives++;
				}
				else {
					falseCorpus++;
				}
			}
			System.out.printf(Locale.ROOT,
					"%,d people, max-block %d: corpus recall %.3f (%d of %d planted pairs), %d false pairs with a corpus "
							+ "record, %,d pairs among generated people, %.1f s%n",
					people, maxBlock, (double) truePositives / planted.size(), truePositives, planted.size(),
					falseCorpus, generated, seconds);
		}
	}

	private static Candidate candidate(long id, CSVRecord row, String side) {
		return new Candidate(id, row.get(side + "name"), blank(row.get(side + "country")),
				blank(row.get(side + "city")), blank(row.get(side + "website")), list(row.get(side + "email")),
				list(row.get(side + "phone")));
	}

	private static List<String> list(String value) {
		return value.isBlank() ? List.of() : List.of(value);
	}

	private static String blank(String value) {
		return value.isBlank() ? null : value;
	}

	private static List<CSVRecord> corpus() throws IOException {
		try (Reader reader = new InputStreamReader(
				Objects.requireNonNull(DuplicateCorpusAtScale.class.getResourceAsStream("/duplicates/corpus.csv")),
				StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

}
