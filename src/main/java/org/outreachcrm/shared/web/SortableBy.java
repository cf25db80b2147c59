package org.outreachcrm.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a list endpoint may be sorted by ({@code ?sort=name,desc}). A handler
 * method with a {@code Pageable} parameter and without this annotation has a fixed order
 * and takes no {@code sort}. {@link SortAllowList} refuses anything else with a 400
 * problem detail naming the allowed values, before the handler runs.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface SortableBy {

	/** The property names a client may sort by. */
	String[] value();

}
