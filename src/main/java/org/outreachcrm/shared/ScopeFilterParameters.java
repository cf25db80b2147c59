package org.outreachcrm.shared;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Arguments of the auto-enabled {@value ScopeRules#FILTER} Hibernate filter, read from
 * {@link CurrentScope} each time a query binds them. Hibernate creates these through
 * Spring's bean container; the scope is looked up lazily because the entity manager
 * factory exists before the beans it would depend on. Without a scope bean (JPA slices)
 * everything is visible.
 */
final class ScopeFilterParameters {

	private ScopeFilterParameters() {
	}

	static CountryScope scope(ObjectProvider<CurrentScope> scope) {
		CurrentScope current = scope.getIfAvailable();
		return current == null ? CountryScope.everything() : current.get();
	}

	/** {@code :scopeAll}: 'Y' when every country is visible. */
	static final class All implements Supplier<String> {

		private final ObjectProvider<CurrentScope> scope;

		All(ObjectProvider<CurrentScope> scope) {
			this.scope = scope;
		}

		@Override
		public String get() {
			return scope(this.scope).all() ? "Y" : "N";
		}

	}

	/** {@code :scopeCountries}: the visible countries. */
	static final class Countries implements Supplier<List<String>> {

		private final ObjectProvider<CurrentScope> scope;

		Countries(ObjectProvider<CurrentScope> scope) {
			this.scope = scope;
		}

		@Override
		public List<String> get() {
			return ScopeSql.countries(scope(this.scope));
		}

	}

}
