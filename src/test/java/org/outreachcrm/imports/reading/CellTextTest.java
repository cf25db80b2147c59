package org.outreachcrm.imports.reading;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

	@Test
	void trimsEveryKindOfSpaceButKeepsInnerOnes() {
		assertThat(CellText.clean("\u00A0\u2007 Fundacja  ABC\u200B\uFEFF\t\r\n")).isEqualTo("Fundacja  ABC");
		assertThat(CellText.clean("\u00A0 \u202F")).isEmpty();
	}

	@Test
	void writesNumbersPlainWithoutTrailingZeros() {
		assertThat(CellText.plainNumber(48601234567.0)).isEqualTo("48601234567");
		assertThat(CellText.plainNumber(486012345678901.0)).isEqualTo("486012345678901");
		assertThat(CellText.plainNumber(12.0)).isEqualTo("12");
		assertThat(CellText.plainNumber(12.5)).isEqualTo("12.5");
		assertThat(CellText.plainNumber(0.0)).isEqualTo("0");
	}

	@Test
	void writesDatesAndTimes() {
		assertThat(CellText.dateTime(LocalDateTime.of(2026, 3, 12, 0, 0))).isEqualTo("2026-03-12");
		assertThat(CellText.dateTime(LocalDateTime.of(2026, 3, 12, 9, 5))).isEqualTo("2026-03-12 09:05");
		assertThat(CellText.timeOfDay(0.4375)).isEqualTo("10:30");
	}

}
