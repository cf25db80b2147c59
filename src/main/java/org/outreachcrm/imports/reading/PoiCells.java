package org.outreachcrm.imports.reading;

import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of Apache POI cells (XLS) and of numbers with their format (XLSX) into a
 * {@link RowAssembler}.
 */
final class PoiCells {

	// Locale.ROOT: a decimal point whatever the server's locale.
	private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

	private final boolean date1904;

	PoiCells(boolean date1904) {
		this.date1904 = date1904;
	}

	void addRow(Row row, RowAssembler assembler) {
		for (Cell cell : row) {
			addCell(cell, assembler);
		}
	}

	private void addCell(Cell cell, RowAssembler assembler) {
		try {
			addValue(cell, assembler);
		}
		catch (NumberFormatException | IllegalStateException ex) {
			// A cell whose stored value does not fit its type (an empty <v/> in a
			// numeric cell) reads as empty rather than failing the whole file.
		}
	}

	private void addValue(Cell cell, RowAssembler assembler) {
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			// The cached value is what the author last saw; formulas are not evaluated.
			type = cell.getCachedFormulaResultType();
		}
		int column = cell.getColumnIndex();
		switch (type) {
			case STRING -> assembler.add(column, cell.getStringCellValue(), false);
			case BOOLEAN -> assembler.add(column, cell.getBooleanCellValue() ? "TRUE" : "FALSE", false);
			case NUMERIC -> addNumber(cell, column, assembler);
			default -> {
				// Blank and error cells (#N/A, #REF!) hold no usable value.
			}
		}
	}

	private void addNumber(Cell cell, int column, RowAssembler assembler) {
		double value = cell.getNumericCellValue();
		CellStyle style = cell.getCellStyle();
		int formatIndex = (style != null) ? style.getDataFormat() : 0;
		String format = (style != null) ? style.getDataFormatString() : null;
		addNumber(value, formatIndex, format, column, assembler);
	}

	/**
	 * A number as people see it: a date or time when its format is one, else the digits
	 * ({@link #numberText}).
	 */
	void addNumber(double value, int formatIndex, @Nullable String format, int column, RowAssembler assembler) {
		if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
			if (value < 1) {
				// A time of day without a date, such as a meeting hour.
				assembler.add(column, CellText.timeOfDay(value), false);
				return;
			}
			var dateTime = DateUtil.getLocalDateTime(value, this.date1904);
			if (dateTime != null) {
				assembler.add(column, CellText.dateTime(dateTime), true);
				return;
			}
		}
		assembler.add(column, numberText(value, formatIndex, format), false);
	}

	/**
	 * Plain digits unless the number format adds something people rely on: zero padding
	 * of postal codes ("00000", "00-000"), percentages, fixed decimals. "General",
	 * grouping and scientific formats would turn a phone number into "4.86012E+10" or
	 * "48,601,234,567".
	 */
	private String numberText(double value, int formatIndex, @Nullable String format) {
		if (format == null || formatIndex == 0 || "General".equalsIgnoreCase(format) || format.contains("E+")
				|| format.contains("E-") || format.contains(",") || format.contains("[$") || format.contains("#")) {
			return CellText.plainNumber(value);
		}
		try {
			return this.formatter.formatRawCellContents(value, formatIndex, format, this.date1904);
		}
		catch (RuntimeException ex) {
			// An exotic format POI cannot apply: the plain value is still right.
			return CellText.plainNumber(value);
		}
	}

}
