package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The text of a CSV/TSV file as Commons CSV should see it, with what is too long to hold
 * in memory left out while it streams by: of a value longer than {@code maxCellChars}
 * only one character more than the limit passes (so the row reader sees that it is too
 * long, never the 60 MB of it), and once a record holds {@code maxRowChars} characters or
 * {@link RowAssembler#MAX_COLUMNS} values the rest of it is skipped, and the record is
 * noted as cut.
 *
 * <p>
 * It follows the same quoting rules as the {@link CsvReader#format(char) format} Commons
 * CSV reads with: a quote opens a quoted value only at the start of a value, two quotes
 * inside one are a quote, anything after the closing quote is trailing data of the same
 * value, and line breaks inside quotes belong to the value. Records are counted the way
 * Commons CSV numbers them (CR LF is one line break, blank lines are records).
 */
final class BoundedCsvText extends Reader {

	private enum State {

		/** Nothing of the value seen yet (blanks are skipped here). */
		START,
		/** In an unquoted value, or in trailing data after a closing quote. */
		UNQUOTED,
		/** Inside quotes. */
		QUOTED,
		/** A quote inside quotes: either its end or the first of two quotes. */
		QUOTE_SEEN

	}

	private static final char QUOTE = '"';

	private final Reader in;

	private final char separator;

	private final int maxCellChars;

	private final int maxRowChars;

	private final Set<Long> cutRecords = new HashSet<>();

	private final Map<Long, Set<Integer>> overLong = new HashMap<>();

	private final char[] input = new char[8192];

	private State state = State.START;

	private int column;

	private int cellChars;

	private int rowChars;

	private long record = 1;

	private boolean afterCr;

	private boolean skippingRest;

	private boolean cellNoted;

	private final char[] small = new char[2];

	private int pending = -1;

	BoundedCsvText(Reader in, char separator, int maxCellChars, int maxRowChars) {
		this.in = in;
		this.separator = separator;
		this.maxCellChars = maxCellChars;
		this.maxRowChars = maxRowChars;
	}

	/**
	 * Whether the end of the record (numbered as Commons CSV numbers them) was skipped;
	 * each record is asked about once, in order.
	 */
	boolean wasCut(long recordNumber) {
		return this.cutRecords.remove(recordNumber);
	}

	/**
	 * The 0-based columns of the record whose values were longer than a cell may be (only
	 * their start was passed on); each record is asked about once, in order.
	 */
	Set<Integer> overLongColumns(long recordNumber) {
		Set<Integer> columns = this.overLong.remove(recordNumber);
		return (columns != null) ? columns : Set.of();
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.pending >= 0) {
			buffer[offset] = (char) this.pending;
			this.pending = -1;
			return 1;
		}
		if (length == 1) {
			// one character asked for, but a held quote comes out with the next one
			int n = read(this.small, 0, 2);
			if (n <= 0) {
				return n;
			}
			buffer[offset] = this.small[0];
			if (n == 2) {
				this.pending = this.small[1];
			}
			return 1;
		}
		int written = 0;
		// at most half the room is read, since a held quote may be written with the next
		// character
		int room = Math.max(1, Math.min(this.input.length, length / 2));
		while (written == 0) {
			int n = this.in.read(this.input, 0, room);
			if (n < 0) {
				if (this.state == State.QUOTE_SEEN) {
					this.state = State.UNQUOTED;
					buffer[offset] = QUOTE;
					return 1;
				}
				return -1;
			}
			for (int i = 0; i < n; i++) {
				written += accept(this.input[i], buffer, offset + written);
			}
		}
		return written;
	}

	/** Takes one character of the file and writes what passes; answers how many. */
	private int accept(char c, char[] out, int at) {
		boolean lineBreak = c == '\n' || c == '\r';
		if (this.afterCr && c == '\n' && this.state == State.START && this.column == 0 && this.rowChars == 0) {
			// the LF of a CR LF: the record already ended
			this.afterCr = false;
			return emit(c, out, at);
		}
		this.afterCr = false;
		switch (this.state) {
			case START -> {
				if (c == this.separator) {
					return nextValue(c, out, at);
				}
				if (lineBreak) {
					return endRecord(c, out, at);
				}
				if (c == QUOTE) {
					this.state = State.QUOTED;
					return emit(c, out, at);
				}
				this.state = State.UNQUOTED;
				return content(c, out, at);
			}
			case UNQUOTED -> {
				if (c == this.separator) {
					return nextValue(c, out, at);
				}
				if (lineBreak) {
					return endRecord(c, out, at);
				}
				return content(c, out, at);
			}
			case QUOTED -> {
				if (c == QUOTE) {
					// held until the next character says what it is
					this.state = State.QUOTE_SEEN;
					return 0;
				}
				return content(c, out, at);
			}
			default -> {
				if (c == QUOTE) {
					this.state = State.QUOTED;
					if (content(QUOTE, out, at) == 0) {
						return 0;
					}
					out[at + 1] = QUOTE;
					return 2;
				}
				out[at] = QUOTE;
				this.state = State.UNQUOTED;
				if (c == this.separator) {
					return 1 + nextValue(c, out, at + 1);
				}
				if (lineBreak) {
					return 1 + endRecord(c, out, at + 1);
				}
				return 1 + content(c, out, at + 1);
			}
		}
	}

	private int content(char c, char[] out, int at) {
		if (!passes()) {
			if (this.rowChars >= this.maxRowChars && !this.skippingRest) {
				this.skippingRest = true;
				this.cutRecords.add(this.record);
			}
			else if (!this.skippingRest && !this.cellNoted) {
				this.cellNoted = true;
				// noted here, not left to the length of what passed: trailing blanks of
				// the part that passed are trimmed away later
				this.overLong.computeIfAbsent(this.record, (r) -> new HashSet<>()).add(this.column);
			}
			return 0;
		}
		count();
		return emit(c, out, at);
	}

	private boolean passes() {
		return !this.skippingRest && this.cellChars <= this.maxCellChars && this.rowChars < this.maxRowChars;
	}

	private void count() {
		this.cellChars++;
		this.rowChars++;
	}

	private int nextValue(char c, char[] out, int at) {
		this.state = State.START;
		this.cellChars = 0;
		this.cellNoted = false;
		this.column++;
		if (this.skippingRest) {
			return 0;
		}
		if (this.column >= RowAssembler.MAX_COLUMNS) {
			this.skippingRest = true;
			this.cutRecords.add(this.record);
			return 0;
		}
		return emit(c, out, at);
	}

	private int endRecord(char c, char[] out, int at) {
		this.state = State.START;
		this.cellChars = 0;
		this.cellNoted = false;
		this.rowChars = 0;
		this.column = 0;
		this.skippingRest = false;
		this.record++;
		this.afterCr = c == '\r';
		return emit(c, out, at);
	}

	private static int emit(char c, char[] out, int at) {
		out[at] = c;
		return 1;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
