/**
 * Reports for managers: outreach activity, follow-ups, coverage and meetings, aggregated
 * in SQL, written as streaming XLSX workbooks and HTML views, run on demand or on
 * schedules, and delivered by email.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts" })
@NullMarked
package org.outreachcrm.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
