package org.outreachcrm.reports;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (XDDF) on the summary sheet. The series refer to the cells of the
 * data sheets and carry their values as a cache, so the chart shows at once and follows
 * edits; SXSSF streams the data sheets, so the values come from the report, not from
 * reading cells back.
 */
final class ReportCharts {

	/** Rows and columns one chart occupies on the summary sheet. */
	static final int HEIGHT = 18;

	static final int WIDTH = 8;

	private ReportCharts() {
	}

	/**
	 * Draws one chart at the given top-left cell of the summary sheet.
	 * @param dataSheet the name of the sheet holding the table
	 */
	static void draw(XSSFSheet summary, int row, int column, String title, ReportChart spec, ReportTable table,
			String dataSheet) {
		int rows = Math.max(1, table.rows().size());
		List<String> labelList = table.labels(spec.labelColumn());
		String[] labels = labelList.isEmpty() ? new String[] { "" } : labelList.toArray(String[]::new);
		List<Number> numberList = table.numbers(spec.valueColumn());
		Double[] values = numberList.isEmpty() ? new Double[] { 0.0 }
				: numberList.stream().map(Number::doubleValue).toArray(Double[]::new);
		String quoted = "'" + dataSheet.replace("'", "''") + "'";
		XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(labels, quoted + "!"
				+ new CellRangeAddress(1, rows, spec.labelColumn(), spec.labelColumn()).formatAsString(null, true));
		XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromArray(values, quoted + "!"
				+ new CellRangeAddress(1, rows, spec.valueColumn(), spec.valueColumn()).formatAsString(null, true));

		XSSFDrawing drawing = summary.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + WIDTH, row + HEIGHT);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		XDDFChartData data;
		if (spec.kind() == ReportChart.Kind.PIE) {
			data = chart.createData(ChartTypes.PIE, null, null);
			data.setVaryColors(true);
			chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
		}
		else {
			XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
			XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
			left.setCrosses(AxisCrosses.AUTO_ZERO);
			data = chart.createData(spec.kind() == ReportChart.Kind.LINE ? ChartTypes.LINE : ChartTypes.BAR, bottom,
					left);
			if (data instanceof XDDFBarChartData bar) {
				bar.setBarDirection(BarDirection.COL);
			}
		}
		XDDFChartData.Series series = data.addSeries(categories, numbers);
		series.setTitle(title, null);
		chart.plot(data);
	}

}
