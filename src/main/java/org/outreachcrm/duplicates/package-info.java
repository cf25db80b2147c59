/**
 * Duplicate finding: the same organization or person entered twice under different
 * spellings, scripts, legal forms or website forms. Candidate pairs come from blocking
 * keys, are scored field by field with their reasons kept, and wait in a review queue
 * until someone merges them (the directory's merge) or marks them "not a duplicate".
 * Reads the directory's tables read-only, as the reports do.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "directory" })
@NullMarked
package org.outreachcrm.duplicates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
