package org.outreachcrm.shared;

/**
 * A record that does not exist, or that the current user may not see; answered with 404.
 */
public class NotFoundException extends RuntimeException {

	private final String entity;

	private final Object id;

	public NotFoundException(String entity, Object id) {
		super(entity + " " + id + " was not found");
		this.entity = entity;
		this.id = id;
	}

	public String entity() {
		return this.entity;
	}

	public Object id() {
		return this.id;
	}

}
