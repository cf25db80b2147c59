/** The home page's controller. */
@NullMarked
package org.outreachcrm.home.web;

import org.jspecify.annotations.NullMarked;
