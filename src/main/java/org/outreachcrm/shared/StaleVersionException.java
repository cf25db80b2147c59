package org.outreachcrm.shared;

/**
 * Somebody saved the record after the version the caller based their change on; answered
 * with 409 so that the caller reloads instead of silently overwriting the other change.
 */
public class StaleVersionException extends RuntimeException {

	private final String entity;

	private final Object id;

	private final long expectedVersion;

	private final long actualVersion;

	public StaleVersionException(String entity, Object id, long expectedVersion, long actualVersion) {
		super(entity + " " + id + " was changed by someone else (your version " + expectedVersion + ", current version "
				+ actualVersion + ")");
		this.entity = entity;
		this.id = id;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	public String entity() {
		return this.entity;
	}

	public Object id() {
		return this.id;
	}

	public long expectedVersion() {
		return this.expectedVersion;
	}

	public long actualVersion() {
		return this.actualVersion;
	}

	/** Throws when {@code expected} is not the stored {@code actual} version. */
	public static void check(String entity, Object id, long expected, long actual) {
		if (expected != actual) {
			throw new StaleVersionException(entity, id, expected, actual);
		}
	}

}
