/**
 * Web building blocks every module uses: problem details for the API, the layout, locale.
 */
@NullMarked
package org.outreachcrm.shared.web;

import org.jspecify.annotations.NullMarked;
