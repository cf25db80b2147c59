/**
 * Outreach work: interactions with organizations and their people, follow-ups, timelines,
 * partnership stage history, campaigns and organizations going cold.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "directory", "audit" })
@NullMarked
package org.outreachcrm.outreach;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
