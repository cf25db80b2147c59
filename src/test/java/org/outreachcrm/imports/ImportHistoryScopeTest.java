package org.outreachcrm.imports;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreachcrm.shared.CountryScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which import runs the audit log shows a viewer: all of them with every country, else
 * those started within the viewer's countries (never one started for all countries).
 */
class ImportHistoryScopeTest {

	@Test
	void aViewerLimitedToSomeCountriesSeesOnlyRunsStartedWithinThem() {
		CountryScope romania = CountryScope.of(List.of("RO", "MD"));
		assertThat(ImportHistory.covers(romania, "RO")).isTrue();
		assertThat(ImportHistory.covers(romania, "MD,RO")).isTrue();
		assertThat(ImportHistory.covers(romania, "DE,RO")).isFalse();
		assertThat(ImportHistory.covers(romania, null)).as("a run for all countries").isFalse();
		assertThat(ImportHistory.covers(CountryScope.everything(), null)).isTrue();
		assertThat(ImportHistory.covers(CountryScope.everything(), "DE")).isTrue();
	}

}
