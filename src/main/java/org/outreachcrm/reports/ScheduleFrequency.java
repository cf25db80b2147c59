package org.outreachcrm.reports;

/**
 * How a schedule's times are given: the friendly picker (every day, every week on a day,
 * every month on a day, at a time) or a Spring cron expression.
 */
public enum ScheduleFrequency {

	DAILY, WEEKLY, MONTHLY, CRON

}
