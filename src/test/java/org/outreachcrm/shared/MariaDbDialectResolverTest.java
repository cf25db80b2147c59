package org.outreachcrm.shared;

import org.hibernate.dialect.DatabaseVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbDialectResolverTest {

	@Test
	void readsMariaDbVersionBehindTheMySqlCompatibilityPrefix() {
		DatabaseVersion version = MariaDbDialectResolver.mariaDbVersion("5.5.5-10.11.19-MariaDB-0+deb12u1");
		assertThat(version).isNotNull();
		assertThat(version.getDatabaseMajorVersion()).isEqualTo(10);
		assertThat(version.getDatabaseMinorVersion()).isEqualTo(11);
	}

	@Test
	void leavesRealMySqlToHibernate() {
		assertThat(MariaDbDialectResolver.mariaDbVersion("8.0.36")).isNull();
		assertThat(MariaDbDialectResolver.mariaDbVersion(null)).isNull();
	}

}
