/**
 * Personal-data rights: everything the system holds about one person as JSON or XLSX, and
 * the erasure of a person (with its log, which never holds the erased data).
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "directory", "outreach", "meetings" })
@NullMarked
package org.outreachcrm.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
