@NullMarked
package org.outreachcrm.duplicates.web;

import org.jspecify.annotations.NullMarked;
