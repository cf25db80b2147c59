package org.outreachcrm.reports;

/** A headline number of a report's summary, such as "interactions in the period". */
public record ReportFigure(String key, long value) {

}
