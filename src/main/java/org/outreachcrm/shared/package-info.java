/**
 * Small stable building blocks used by every module: text folding, country codes, problem
 * details and the web layout. No business rules live here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.outreachcrm.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
