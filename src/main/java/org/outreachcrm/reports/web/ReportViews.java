package org.outreachcrm.reports.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.reports.ReportChart;
import org.outreachcrm.reports.ReportColumn;
import org.outreachcrm.reports.ReportData;
import org.outreachcrm.reports.ReportTable;
import org.outreachcrm.reports.ReportTexts;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * A report as the HTML view shows it: labelled figures, tables with formatted cells
 * (numbers right-aligned), and charts whose data travels as JSON in data attributes (the
 * CSP forbids inline scripts; {@code /js/reports.js} draws them with Chart.js).
 */
@Component
class ReportViews {

	record Figure(String label, String value) {
	}

	record Cell(String text, boolean number) {
	}

	record Table(String key, String title, List<String> headers, List<Boolean> numeric, List<List<Cell>> rows) {
	}

	record Chart(String title, String kind, String labels, String values) {
	}

	record View(List<Figure> figures, List<Table> tables, List<Chart> charts, String period, String countries) {
	}

	private final ReportTexts texts;

	private final ObjectMapper json;

	ReportViews(ReportTexts texts, ObjectMapper json) {
		this.texts = texts;
		this.json = json;
	}

	View of(ReportData data, Locale locale) {
		List<Figure> figures = data.figures()
			.stream()
			.map((f) -> new Figure(this.texts.get("figure." + f.key(), locale), this.texts.figure(data, f, locale)))
			.toList();
		List<Table> tables = new ArrayList<>();
		for (ReportTable table : data.tables()) {
			List<String> headers = table.columns()
				.stream()
				.map((c) -> this.texts.get("column." + c.key(), locale))
				.toList();
			List<Boolean> numeric = table.columns().stream().map(ReportViews::numeric).toList();
			List<List<Cell>> rows = new ArrayList<>();
			for (List<@Nullable Object> row : table.rows()) {
				List<Cell> cells = new ArrayList<>();
				for (int c = 0; c < table.columns().size(); c++) {
					ReportColumn column = table.columns().get(c);
					cells.add(new Cell(format(column, row.get(c), locale), numeric(column)));
				}
				rows.add(cells);
			}
			tables.add(new Table(table.key(), this.texts.get("table." + table.key(), locale), headers, numeric, rows));
		}
		List<Chart> charts = new ArrayList<>();
		for (ReportChart chart : data.charts()) {
			ReportTable table = data.table(chart.table()).orElseThrow();
			ReportColumn labelColumn = table.columns().get(chart.labelColumn());
			List<String> labels = table.labels(chart.labelColumn())
				.stream()
				.map((l) -> labelOf(labelColumn, l, locale))
				.toList();
			charts.add(new Chart(this.texts.get(chart.key(), locale), chart.kind().name().toLowerCase(Locale.ROOT),
					this.json.writeValueAsString(labels),
					this.json.writeValueAsString(table.numbers(chart.valueColumn()))));
		}
		return new View(figures, tables, charts, this.texts.period(data.filter(), locale),
				this.texts.countries(data.filter(), data.scope(), locale));
	}

	private String labelOf(ReportColumn column, String value, Locale locale) {
		if (value.isEmpty()) {
			String none = this.texts.label(column, null, locale);
			return none.isEmpty() ? "—" : none;
		}
		return column.kind() == ReportColumn.Kind.DATE ? this.texts.date(java.time.LocalDate.parse(value), locale)
				: this.texts.code(column, value, locale);
	}

	private String format(ReportColumn column, @Nullable Object value, Locale locale) {
		if (value == null) {
			return this.texts.label(column, null, locale);
		}
		return switch (column.kind()) {
			case NUMBER -> NumberFormat.getIntegerInstance(locale).format(value);
			case PERCENT -> {
				NumberFormat percent = NumberFormat.getPercentInstance(locale);
				percent.setMaximumFractionDigits(1);
				yield percent.format(value);
			}
			case DATE -> this.texts.date((java.time.LocalDate) value, locale);
			case CODE, TEXT -> this.texts.code(column, value.toString(), locale);
		};
	}

	private static boolean numeric(ReportColumn column) {
		return column.kind() == ReportColumn.Kind.NUMBER || column.kind() == ReportColumn.Kind.PERCENT;
	}

}
