package org.outreachcrm.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * A run's result as JSON in {@code report_run.result}. JSON forgets which number was a
 * count and which a share, and that a day was a date: reading back restores each cell's
 * type from its column, so a stored run renders exactly as it did when computed.
 */
@Component
class ResultCodec {

	private final ObjectMapper json;

	ResultCodec(ObjectMapper json) {
		this.json = json;
	}

	String write(ReportResult result) {
		return this.json.writeValueAsString(result);
	}

	ReportResult read(String text) {
		ReportResult raw = this.json.readValue(text, ReportResult.class);
		List<ReportTable> tables = new ArrayList<>();
		for (ReportTable table : raw.tables()) {
			List<List<@Nullable Object>> rows = new ArrayList<>();
			for (List<@Nullable Object> row : table.rows()) {
				List<@Nullable Object> typed = new ArrayList<>();
				for (int c = 0; c < row.size(); c++) {
					typed.add(typed(table.columns().get(c), row.get(c)));
				}
				rows.add(typed);
			}
			tables.add(new ReportTable(table.key(), table.columns(), rows));
		}
		return new ReportResult(raw.computedAt(), raw.figures(), tables, raw.charts(), raw.empty());
	}

	private static @Nullable Object typed(ReportColumn column, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (column.kind()) {
			case NUMBER -> ((Number) value).longValue();
			case PERCENT -> ((Number) value).doubleValue();
			case DATE -> LocalDate.parse(value.toString());
			case TEXT, CODE -> value.toString();
		};
	}

}
