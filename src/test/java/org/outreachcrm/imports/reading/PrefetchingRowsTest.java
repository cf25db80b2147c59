package org.outreachcrm.imports.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PrefetchingRowsTest {

	@Test
	void handsOutEveryRowInFileOrder() {
		List<Integer> numbers = new ArrayList<>();
		try (PrefetchingRows rows = new PrefetchingRows(new CountingRows(10_000, -1), 16)) {
			rows.forEachRemaining((row) -> numbers.add(row.number()));
		}
		assertThat(numbers).hasSize(10_000).isSorted().startsWith(1, 2, 3).endsWith(10_000);
	}

	@Test
	void anEmptySheetHasNoRows() {
		try (PrefetchingRows rows = new PrefetchingRows(new CountingRows(0, -1), 4)) {
			assertThat(rows.hasNext()).isFalse();
			assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
			assertThat(rows.sheetName()).isEqualTo("Sheet1");
		}
	}

	@Test
	void aFailurePartWayArrivesAfterTheRowsBeforeIt() {
		List<Integer> numbers = new ArrayList<>();
		try (PrefetchingRows rows = new PrefetchingRows(new CountingRows(100, 51), 8)) {
			assertThatThrownBy(() -> rows.forEachRemaining((row) -> numbers.add(row.number())))
				.isInstanceOf(SpreadsheetException.class)
				.hasMessageContaining("partners.xlsx");
			assertThat(rows.hasNext()).isFalse();
		}
		assertThat(numbers).hasSize(50).endsWith(50);
	}

	@Test
	void closingEarlyStopsTheReadingThreadBeforeClosingTheFile() {
		CountingRows source = new CountingRows(1_000_000, -1);
		PrefetchingRows rows = new PrefetchingRows(source, 10);
		assertThat(rows.next().number()).isEqualTo(1);
		rows.close();
		assertThat(source.closed).isTrue();
		assertThat(source.readAfterClose).isFalse();
		int readSoFar = source.read.get();
		assertThat(readSoFar).isLessThan(100);
		await().during(java.time.Duration.ofMillis(200)).until(() -> source.read.get() == readSoFar);
	}

	/** Rows numbered 1..count; row {@code failAt} throws as a damaged file would. */
	private static final class CountingRows implements SheetRows {

		private final int count;

		private final int failAt;

		final AtomicInteger read = new AtomicInteger();

		volatile boolean closed;

		volatile boolean readAfterClose;

		CountingRows(int count, int failAt) {
			this.count = count;
			this.failAt = failAt;
		}

		@Override
		public String sheetName() {
			return "Sheet1";
		}

		@Override
		public boolean hasNext() {
			return this.read.get() < this.count;
		}

		@Override
		public SheetRow next() {
			if (this.closed) {
				this.readAfterClose = true;
			}
			int number = this.read.incrementAndGet();
			if (number == this.failAt) {
				throw new SpreadsheetException(ReadingMessage.EMPTY_FILE, "partners.xlsx");
			}
			return new SheetRow(number, List.of("row " + number));
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
