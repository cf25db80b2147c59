/**
 * Spreadsheet imports: reading partner lists in any format, mapping their columns,
 * normalizing values, the Spring Batch import job, dry runs, undo, the inbox folder and
 * the history.
 */
@ApplicationModule(
		allowedDependencies = { "shared", "accounts", "directory", "directory :: bulk", "audit", "duplicates" })
@NullMarked
package org.outreachcrm.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
