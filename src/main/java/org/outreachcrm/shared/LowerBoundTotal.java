package org.outreachcrm.shared;

/**
 * A page whose total may be a lower bound ("more than 1,000"): lists that stop counting
 * at a cap implement it so that templates and the API can say so.
 */
public interface LowerBoundTotal {

	/** Whether the page's total is the number of matches rather than a lower bound. */
	boolean isTotalExact();

}
