package org.outreachcrm.imports;

import org.jspecify.annotations.Nullable;

/** A warning or rejection of one row of an import, naming the column where it can. */
public record ProblemView(long row, String severity, @Nullable String column, String message) {

}
