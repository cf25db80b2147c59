/**
 * Mapping the columns of an uploaded sheet to import fields (header aliases in several
 * languages) and normalizing the values people typed into them.
 */
@org.jspecify.annotations.NullMarked
package org.outreachcrm.imports.mapping;
