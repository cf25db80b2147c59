package org.outreachcrm.directory.web;

import org.outreachcrm.shared.LowerBoundTotal;

import org.springframework.data.domain.Page;
import org.springframework.data.web.PagedModel;

/**
 * The API's page of a directory list: Spring Data's page shape plus {@code totalExact},
 * false when {@code page.totalElements} is a lower bound (more matches than the count
 * cap; see docs/api.md).
 */
class DirectoryPagedModel<T> extends PagedModel<T> {

	private final boolean totalExact;

	DirectoryPagedModel(Page<T> page) {
		super(page);
		this.totalExact = !(page instanceof LowerBoundTotal bounded) || bounded.isTotalExact();
	}

	public boolean isTotalExact() {
		return this.totalExact;
	}

}
