/**
 * The partner directory: organizations, contacts (people), their affiliations, tags and
 * search.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "audit" })
@NullMarked
package org.outreachcrm.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
