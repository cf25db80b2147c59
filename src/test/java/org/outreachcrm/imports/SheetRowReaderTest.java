package org.outreachcrm.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.imports.reading.ReadingLimits;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SpreadsheetOpener;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class SheetRowReaderTest {

	@TempDir
	Path folder;

	@Test
	void streamsEveryDataRowBelowTheHeaderAndResumesAfterTheCommittedOnes() throws Exception {
		Path file = this.folder.resolve("partners.csv");
		Files.writeString(file, "Partner list of 2026\n\nOrganization;Country\nZiemia;PL\nVerde;RO\n\nPaz;ES\n",
				StandardCharsets.UTF_8);

		List<String> first = new ArrayList<>();
		ExecutionContext context = new ExecutionContext();
		SheetRowReader reader = reader(file);
		reader.open(context);
		first.add(describe(reader.read()));
		first.add(describe(reader.read()));
		reader.update(context);
		reader.close();
		assertThat(first).containsExactly("4:Ziemia", "5:Verde");

		// a restart after the first two rows were committed goes on with the third
		SheetRowReader restarted = reader(file);
		restarted.open(context);
		assertThat(describe(restarted.read())).isEqualTo("7:Paz");
		assertThat(restarted.read()).isNull();
		restarted.close();
	}

	@Test
	void handsOutTheCellsAsTheyAreInTheFile() throws Exception {
		Path file = this.folder.resolve("partners.csv");
		Files.writeString(file, "Organization;Country\n  Ziemia ;pl\n", StandardCharsets.UTF_8);
		SheetRowReader reader = reader(file, 1);
		reader.open(new ExecutionContext());
		SheetRow row = reader.read();
		reader.close();
		// mapping and normalizing are the processor's work, not the reader's
		assertThat(row).isNotNull();
		assertThat(row.cells()).containsExactly("Ziemia", "pl");
	}

	private static SheetRowReader reader(Path file) {
		return reader(file, 3);
	}

	private static SheetRowReader reader(Path file, int headerRow) {
		return new SheetRowReader(new SpreadsheetOpener(ReadingLimits.DEFAULTS), file, "partners.csv", null, "partners",
				headerRow);
	}

	private static String describe(SheetRow row) {
		return row.number() + ":" + row.cells().get(0);
	}

}
