/**
 * The pure logic of duplicate finding: name folding across scripts, blocking keys, and
 * the field-by-field score of a pair with its reasons. No Spring, no database.
 */
@NullMarked
package org.outreachcrm.duplicates.matching;

import org.jspecify.annotations.NullMarked;
