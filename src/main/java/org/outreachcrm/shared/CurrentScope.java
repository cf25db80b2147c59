package org.outreachcrm.shared;

/**
 * The country scope of the work in progress: the logged-in user's scope during a request,
 * {@link CountryScope#everything()} for system work with no login (schedulers, start-up).
 * Background work started for a user (an import, a report run) captures the scope when it
 * is queued and runs under it through {@link #runAs(CountryScope, Runnable)}.
 */
public interface CurrentScope {

	/** The scope that applies to the current thread. */
	CountryScope get();

	/**
	 * Runs the task with the given scope in force on this thread, then restores the
	 * previous one.
	 */
	void runAs(CountryScope scope, Runnable task);

}
