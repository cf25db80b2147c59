package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the field separator of delimited text: the candidate that splits the first
 * records into the same number of fields most consistently, quotes respected. Excel
 * writes ";" where the decimal mark is a comma (Poland, Romania), "," elsewhere.
 */
final class CsvSeparator {

	// In order of preference when two candidates split the sample equally well: a tab
	// or semicolon inside a value is rarer than a comma.
	static final char[] CANDIDATES = { '\t', ';', ',', '|' };

	private static final int SAMPLE_RECORDS = 50;

	private CsvSeparator() {
	}

	static char detect(String sample) {
		char best = ',';
		long bestScore = 0;
		for (char candidate : CANDIDATES) {
			long score = score(sample, candidate);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/**
	 * Records sharing the most common field count, then that count; zero when the
	 * candidate never splits a record.
	 */
	private static long score(String sample, char separator) {
		List<Integer> counts = fieldCounts(sample, separator);
		Map<Integer, Integer> frequency = new HashMap<>();
		for (int count : counts) {
			frequency.merge(count, 1, Integer::sum);
		}
		long best = 0;
		for (var entry : frequency.entrySet()) {
			int fields = entry.getKey();
			if (fields > 1) {
				best = Math.max(best, entry.getValue() * 100_000L + fields);
			}
		}
		return best;
	}

	private static List<Integer> fieldCounts(String sample, char separator) {
		List<Integer> counts = new ArrayList<>();
		CSVFormat format = CsvReader.format(separator);
		try (CSVParser parser = CSVParser.parse(new StringReader(sample), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (counts.size() < SAMPLE_RECORDS && records.hasNext()) {
				CSVRecord record = records.next();
				if (record.size() > 1 || !record.get(0).isBlank()) {
					counts.add(record.size());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The sample may end inside a quoted value; the records so far still count.
		}
		return counts;
	}

}
