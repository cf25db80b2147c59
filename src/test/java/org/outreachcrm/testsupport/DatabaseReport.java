package org.outreachcrm.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Tells in the build output which database the database tests of this run used, so that a
 * reader of {@code ./mvnw verify} knows whether the MariaDB run happened.
 */
public class DatabaseReport implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		String database = System.getProperty("crm.test.database", "h2");
		if ("mariadb".equals(database)) {
			System.out.println("[outreach-crm] Database tests ran on MariaDB/MySQL at "
					+ System.getProperty("spring.datasource.url", "?"));
		}
		else {
			System.out.println("[outreach-crm] Database tests ran on embedded H2 only. "
					+ "Run them on MariaDB/MySQL too with: ./mvnw verify -Pmariadb (or .ci/run)");
		}
	}

}
