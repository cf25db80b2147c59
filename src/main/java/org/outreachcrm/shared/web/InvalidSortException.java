package org.outreachcrm.shared.web;

import java.util.List;

/**
 * A {@code sort} parameter named a property its list does not allow ({@link SortableBy}).
 */
public class InvalidSortException extends RuntimeException {

	private final String property;

	private final List<String> allowed;

	InvalidSortException(String property, List<String> allowed) {
		super(allowed.isEmpty() ? "This list has a fixed order and cannot be sorted by '" + property + "'"
				: "Cannot sort by '" + property + "'; allowed: " + String.join(", ", allowed));
		this.property = property;
		this.allowed = List.copyOf(allowed);
	}

	/** The refused property name, as given. */
	public String property() {
		return this.property;
	}

	/** What this list may be sorted by; empty for a list with a fixed order. */
	public List<String> allowed() {
		return this.allowed;
	}

}
