/**
 * Small stable building blocks used by every module: text folding, country codes, problem
 * details and the web layout. No business rules live here.
 * <p>
 * Also the declaration of the {@value ScopeRules#FILTER} Hibernate filter: enabled in
 * every session, applied to loads by id too, its arguments read from {@link CurrentScope}
 * whenever a query binds them. Entities opt in with {@code @Filter} and a condition from
 * {@link ScopeRules}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@FilterDef(name = ScopeRules.FILTER, autoEnabled = true, applyToLoadByKey = true,
		parameters = { @ParamDef(name = "scopeAll", type = String.class, resolver = ScopeFilterParameters.All.class),
				@ParamDef(name = "scopeCountries", type = String.class,
						resolver = ScopeFilterParameters.Countries.class) })
@NullMarked
package org.outreachcrm.shared;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
