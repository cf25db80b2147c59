/** Test infrastructure shared by the module tests. */
@NullMarked
package org.outreachcrm.testsupport;

import org.jspecify.annotations.NullMarked;
