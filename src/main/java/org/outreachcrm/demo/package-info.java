/**
 * The optional {@code demo} profile: seeds a realistic international data set so that a
 * newcomer sees a living system. Uses only the public APIs of the other modules.
 */
@ApplicationModule(allowedDependencies = { "shared", "accounts", "directory" })
@NullMarked
package org.outreachcrm.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
