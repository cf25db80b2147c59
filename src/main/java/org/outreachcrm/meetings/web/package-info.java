/** JSON API and exports of the meetings module. */
@NullMarked
package org.outreachcrm.meetings.web;

import org.jspecify.annotations.NullMarked;
