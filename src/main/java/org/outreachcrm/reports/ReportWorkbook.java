package org.outreachcrm.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.SpreadsheetText;

import org.springframework.stereotype.Component;

/**
 * Writes a report as an XLSX with POI's streaming writer (SXSSF: only a window of rows in
 * memory): a summary sheet with the headline figures and native charts, then one data
 * sheet per table with a frozen, filterable header row and widths fitted to the content.
 * Dates are date cells, numbers are numbers; text from users or imports goes through
 * {@link SpreadsheetText}, so a value such as {@code =HYPERLINK(...)} stays literal text.
 */
@Component
class ReportWorkbook {

	private static final int WINDOW = 200;

	private static final int MAX_WIDTH_CHARS = 60;

	private final ReportTexts texts;

	ReportWorkbook(ReportTexts texts) {
		this.texts = texts;
	}

	void write(ReportData data, Locale locale, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			Styles styles = new Styles(workbook);
			SXSSFSheet summary = workbook
				.createSheet(WorkbookUtil.createSafeSheetName(this.texts.get("sheet.summary", locale)));
			Map<String, String> sheetNames = new HashMap<>();
			for (ReportTable table : data.tables()) {
				String name = WorkbookUtil.createSafeSheetName(this.texts.get("table." + table.key(), locale));
				sheetNames.put(table.key(), name);
				writeTable(workbook.createSheet(name), table, styles, locale);
			}
			int chartRow = writeSummary(summary, data, styles, locale);
			var xssfSummary = workbook.getXSSFWorkbook().getSheet(summary.getSheetName());
			int i = 0;
			for (ReportChart chart : data.charts()) {
				ReportTable table = data.table(chart.table()).orElseThrow();
				ReportCharts.draw(xssfSummary, chartRow + (i / 2) * (ReportCharts.HEIGHT + 1),
						(i % 2) * (ReportCharts.WIDTH + 1), this.texts.get(chart.key(), locale), chart, table,
						sheetNames.get(table.key()));
				i++;
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	private int writeSummary(SXSSFSheet sheet, ReportData data, Styles styles, Locale locale) {
		int[] widths = new int[2];
		int r = 0;
		Row title = sheet.createRow(r++);
		textCell(title, 0, this.texts.get("ReportType." + data.filter().type(), locale), styles.title, widths);
		Row period = sheet.createRow(r++);
		// the period's days are UTC days, as the run form says
		textCell(period, 0, this.texts.get("summary.periodUtc", locale), styles.header, widths);
		textCell(period, 1, this.texts.period(data.filter(), locale), null, widths);
		Row countries = sheet.createRow(r++);
		textCell(countries, 0, this.texts.get("summary.countries", locale), styles.header, widths);
		textCell(countries, 1, this.texts.countries(data.filter(), data.scope(), locale), null, widths);
		Row generated = sheet.createRow(r++);
		textCell(generated, 0, this.texts.get("summary.generatedAt", locale), styles.header, widths);
		textCell(generated, 1,
				DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(data.generatedAt().atOffset(ZoneOffset.UTC).withNano(0))
						+ " UTC",
				null, widths);
		r++;
		for (ReportFigure figure : data.figures()) {
			Row row = sheet.createRow(r++);
			textCell(row, 0, this.texts.get("figure." + figure.key(), locale), styles.header, widths);
			Cell value = row.createCell(1);
			value.setCellValue(figure.value());
			boolean change = ReportFigures.baseOf(figure.key()) != null;
			value.setCellStyle(change ? styles.signed : styles.integer);
			widths[1] = Math.max(widths[1], String.valueOf(figure.value()).length() + 1);
			if (change) {
				// "+25 (new)" or "+25 (+12.5%)" beside the number, as the page shows it
				row.createCell(2).setCellValue(this.texts.figure(data, figure, locale));
			}
		}
		fit(sheet, widths);
		return r + 1;
	}

	private void writeTable(SXSSFSheet sheet, ReportTable table, Styles styles, Locale locale) {
		List<ReportColumn> columns = table.columns();
		int[] widths = new int[columns.size()];
		SpreadsheetText text = styles.text;
		Row header = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			textCell(header, c, this.texts.get("column." + columns.get(c).key(), locale), styles.header, widths);
		}
		int r = 1;
		for (List<@Nullable Object> values : table.rows()) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < columns.size(); c++) {
				Object value = values.get(c);
				Cell cell = row.createCell(c);
				if (value == null) {
					String none = this.texts.label(columns.get(c), null, locale);
					if (!none.isEmpty()) {
						textCell(row, c, none, null, widths);
					}
					continue;
				}
				switch (columns.get(c).kind()) {
					case NUMBER -> {
						cell.setCellValue(((Number) value).doubleValue());
						cell.setCellStyle(styles.integer);
					}
					case PERCENT -> {
						cell.setCellValue(((Number) value).doubleValue());
						cell.setCellStyle(styles.percent);
					}
					case DATE -> {
						cell.setCellValue((LocalDate) value);
						cell.setCellStyle(styles.date);
					}
					case CODE, TEXT -> text.set(cell, this.texts.code(columns.get(c), String.valueOf(value), locale));
				}
				widths[c] = Math.max(widths[c], width(columns.get(c), value));
			}
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
		fit(sheet, widths);
	}

	private static int width(ReportColumn column, Object value) {
		return switch (column.kind()) {
			case DATE -> 10;
			case PERCENT -> 7;
			default -> String.valueOf(value).length();
		};
	}

	private static void textCell(Row row, int column, String value, @Nullable CellStyle style, int[] widths) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
		widths[column] = Math.max(widths[column], value.length() + (style != null && style.getFontIndex() > 0 ? 2 : 0));
	}

	// SXSSF forgets rows it has flushed, so widths are measured while writing: characters
	// of the widest value (plus room for the filter button), capped
	private static void fit(SXSSFSheet sheet, int[] widths) {
		for (int c = 0; c < widths.length; c++) {
			int chars = Math.min(MAX_WIDTH_CHARS, Math.max(8, widths[c] + 3));
			sheet.setColumnWidth(c, chars * 256);
		}
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle title;

		final CellStyle integer;

		final CellStyle signed;

		final CellStyle percent;

		final CellStyle date;

		final SpreadsheetText text;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.integer = workbook.createCellStyle();
			this.integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			this.signed = workbook.createCellStyle();
			this.signed.setDataFormat(workbook.createDataFormat().getFormat("+#,##0;-#,##0;0"));
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			this.text = new SpreadsheetText(workbook);
		}

	}

}
