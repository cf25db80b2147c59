package org.outreachcrm.reports;

import org.jspecify.annotations.Nullable;

/** Which headline figures are changes, and the figure each change is measured against. */
final class ReportFigures {

	private ReportFigures() {
	}

	/** The key of the previous period's figure a change compares with; null otherwise. */
	static @Nullable String baseOf(String key) {
		return switch (key) {
			case "changeInteractions" -> "previousInteractions";
			default -> null;
		};
	}

}
