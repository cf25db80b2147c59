/**
 * The export and erasure pages and API.
 */
@NullMarked
package org.outreachcrm.privacy.web;

import org.jspecify.annotations.NullMarked;
