package org.outreachcrm.directory;

import java.util.List;

import org.outreachcrm.shared.LowerBoundTotal;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A directory page whose total may be a lower bound: above the count cap the matches are
 * not all read, so the total says "more than this many" and whether a next page exists
 * comes from the one row read past the page.
 */
public final class BoundedPage<T> extends PageImpl<T> implements LowerBoundTotal {

	private final boolean totalExact;

	private final boolean more;

	BoundedPage(List<T> content, Pageable pageable, long total, boolean totalExact, boolean more) {
		super(content, pageable, total);
		this.totalExact = totalExact;
		this.more = more;
	}

	@Override
	public boolean isTotalExact() {
		return this.totalExact;
	}

	@Override
	public boolean hasNext() {
		return this.totalExact ? super.hasNext() : this.more;
	}

	@Override
	public boolean isLast() {
		return !hasNext();
	}

	@Override
	public int getTotalPages() {
		return this.totalExact ? super.getTotalPages() : getNumber() + (this.more ? 2 : 1);
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj) && obj instanceof BoundedPage<?> other && other.totalExact == this.totalExact
				&& other.more == this.more;
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + Boolean.hashCode(this.totalExact);
	}

}
