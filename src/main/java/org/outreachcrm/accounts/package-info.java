/**
 * Users, roles, country scopes, login and the security rules of every route.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.outreachcrm.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
