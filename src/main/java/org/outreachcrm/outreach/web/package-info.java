/** JSON API of the outreach module. */
@NullMarked
package org.outreachcrm.outreach.web;

import org.jspecify.annotations.NullMarked;
