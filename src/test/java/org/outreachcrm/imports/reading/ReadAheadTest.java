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

class ReadAheadTest {

	@Test
	void handsOutEveryRowInFileOrder() {
		List<Integer> numbers = new ArrayList<>();
		try (ReadAhead<SheetRow> rows = new ReadAhead<>(new CountingRows(10_000, -1), (row) -> row, 16)) {
			rows.forEachRemaining((row) -> numbers.add(row.number()));
		}
		assertThat(numbers).hasSize(10_000).isSorted().startsWith(1, 2, 3).endsWith(10_000);
	}

	@Test
	void appliesTheStepOnTheReadingThreadAndLeavesOutNulls() {
		List<String> results = new ArrayList<>();
		java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
		try (ReadAhead<String> rows = new ReadAhead<>(new CountingRows(10, -1), (row) -> {
			threads.add(Thread.currentThread().getName());
			return (row.number() % 2 == 0) ? row.cell(0).toUpperCase(java.util.Locale.ROOT) : null;
		}, 4)) {
			rows.forEachRemaining(results::add);
		}
		assertThat(results).containsExactly("ROW 2", "ROW 4", "ROW 6", "ROW 8", "ROW 10");
		assertThat(threads).singleElement().asString().startsWith("import-reader-");
	}

	@Test
	void anEmptySheetHasNoRows() {
		try (ReadAhead<SheetRow> rows = new ReadAhead<>(new CountingRows(0, -1), (row) -> row, 4)) {
			assertThat(rows.hasNext()).isFalse();
			assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
		}
	}

	@Test
	void aFailurePartWayArrivesAfterTheRowsBeforeIt() {
		List<Integer> numbers = new ArrayList<>();
		try (ReadAhead<SheetRow> rows = new ReadAhead<>(new CountingRows(100, 51), (row) -> row, 8)) {
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
		ReadAhead<SheetRow> rows = new ReadAhead<>(source, (row) -> row, 10);
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
