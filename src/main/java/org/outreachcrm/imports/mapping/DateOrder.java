package org.outreachcrm.imports.mapping;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How to read a date like 03/12/2026 whose order the text does not tell: as the person
 * importing states, or as their locale writes dates.
 */
public enum DateOrder {

	/** 03/12/2026 is 3 December: Europe and most of the world. */
	DAY_FIRST,

	/** 03/12/2026 is 12 March: the United States and a few others. */
	MONTH_FIRST;

	/** The order in which {@code locale} writes short dates; day first when unclear. */
	public static DateOrder of(Locale locale) {
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
				IsoChronology.INSTANCE, locale);
		int month = pattern.indexOf('M');
		int day = pattern.indexOf('d');
		return (month >= 0 && day >= 0 && month < day && pattern.indexOf('y') > day) ? MONTH_FIRST : DAY_FIRST;
	}

}
