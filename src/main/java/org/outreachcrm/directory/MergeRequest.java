package org.outreachcrm.directory;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A merge as a client asks for it: the record merged into the one in the path, per
 * differing field whose value stays (fields not named keep the kept record's value; the
 * names allowed are {@link RecordMerging#ORGANIZATION_FIELDS} and
 * {@link RecordMerging#CONTACT_FIELDS}), and the kept record's version the choice was
 * made on.
 */
public record MergeRequest(@NotNull Long mergeId, @Nullable @Size(max = 20) Map<String, MergeChoice> fields,
		@NotNull Long version) {
}
