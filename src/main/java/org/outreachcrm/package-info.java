@NullMarked
package org.outreachcrm;

import org.jspecify.annotations.NullMarked;
