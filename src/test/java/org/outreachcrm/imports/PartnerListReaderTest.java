package org.outreachcrm.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachcrm.imports.reading.ReadingLimits;
import org.outreachcrm.imports.reading.SpreadsheetOpener;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerListReaderTest {

	@TempDir
	Path folder;

	@ParameterizedTest(name = "read-ahead {0}")
	@ValueSource(ints = { 0, 1, 2000 })
	void mapsEveryDataRowBelowTheHeaderAndResumesAfterTheCommittedOnes(int readAhead) throws Exception {
		Path file = this.folder.resolve("partners.csv");
		Files.writeString(file, "Partner list of 2026\n\nOrganization;Country\nZiemia;PL\nVerde;RO\n\nPaz;ES\n",
				StandardCharsets.UTF_8);

		List<String> first = new ArrayList<>();
		ExecutionContext context = new ExecutionContext();
		PartnerListReader reader = reader(file, readAhead);
		reader.open(context);
		first.add(describe(reader.read()));
		first.add(describe(reader.read()));
		reader.update(context);
		reader.close();
		assertThat(first).containsExactly("4:Ziemia", "5:Verde");

		// a restart after the first two rows were committed goes on with the third
		PartnerListReader restarted = reader(file, readAhead);
		restarted.open(context);
		assertThat(describe(restarted.read())).isEqualTo("7:Paz");
		assertThat(restarted.read()).isNull();
		restarted.close();
	}

	private static PartnerListReader reader(Path file, int readAhead) {
		return new PartnerListReader(new SpreadsheetOpener(ReadingLimits.DEFAULTS), file, "partners.csv", "partners", 3,
				readAhead, (row) -> new RowResult(row.number(), row.cells(), null, List.of(), List.of()));
	}

	private static String describe(RowResult result) {
		return result.rowNumber() + ":" + result.cells().get(0);
	}

}
