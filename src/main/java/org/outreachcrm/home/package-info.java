/**
 * The home page: what each role needs first after logging in. Staff see their own
 * follow-ups and recent work, managers the outreach of their countries at a glance,
 * administrators what needs their attention. It owns no data: every number comes from the
 * module that owns it.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "directory", "outreach", "reports", "imports" })
@NullMarked
package org.outreachcrm.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
