/**
 * International coordination meetings: invitations of people for their organizations,
 * attendance (logged as outreach interactions), delegations and exports.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "directory", "outreach", "audit" })
@NullMarked
package org.outreachcrm.meetings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
