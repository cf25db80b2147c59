/**
 * Reading spreadsheet files that people upload for import: detecting the format from the
 * content, and streaming the rows of a sheet as trimmed cell texts.
 */
@org.jspecify.annotations.NullMarked
package org.outreachcrm.imports.reading;
