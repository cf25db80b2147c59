/**
 * The directory's bulk path for imports, behind its facade {@link DirectoryImport}: the
 * facade and the records it takes and gives are the named interface {@code bulk} that the
 * imports module may use; how a chunk is resolved and written stays package-private.
 */
@NamedInterface("bulk")
@NullMarked
package org.outreachcrm.directory.bulk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
