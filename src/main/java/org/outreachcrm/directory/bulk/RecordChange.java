package org.outreachcrm.directory.bulk;

import org.jspecify.annotations.Nullable;

/**
 * One change a bulk write made, kept by the import so that it can be undone: a created
 * record ({@code field} null) or one field of an existing record with its value before
 * and after.
 */
public record RecordChange(Kind kind, long id, @Nullable String field, @Nullable String oldValue,
		@Nullable String newValue) {

	/** What was changed. */
	public enum Kind {

		ORGANIZATION, CONTACT, AFFILIATION

	}

	public boolean created() {
		return this.field == null;
	}

	static RecordChange created(Kind kind, long id) {
		return new RecordChange(kind, id, null, null, null);
	}

}
