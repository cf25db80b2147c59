package org.outreachcrm.outreach;

import java.util.List;

import org.outreachcrm.shared.LowerBoundTotal;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of organizations going cold read without counting them all: before the last page
 * the total is a lower bound (one more than the page's end), so that there is a next
 * page.
 */
public final class ColdPage extends PageImpl<ColdOrganization> implements LowerBoundTotal {

	private final boolean totalExact;

	ColdPage(List<ColdOrganization> content, Pageable pageable, long total, boolean totalExact) {
		super(content, pageable, total);
		this.totalExact = totalExact;
	}

	@Override
	public boolean isTotalExact() {
		return this.totalExact;
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj) && obj instanceof ColdPage other && other.totalExact == this.totalExact;
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + Boolean.hashCode(this.totalExact);
	}

}
