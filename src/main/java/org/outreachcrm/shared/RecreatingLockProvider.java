package org.outreachcrm.shared;

import java.util.Optional;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock's JDBC provider that survives the deletion of lock rows. The provider
 * remembers, per instance, which lock names already have a row and from then on only
 * updates it; when the row was deleted (by {@link ClusterLockCleanup}, on any instance)
 * the update matches nothing and the lock would be refused until a restart. So a refused
 * lock whose row is missing forgets the remembered rows and is tried once more, which
 * inserts the row again. A lock refused because another holder has it costs one extra
 * indexed read.
 */
class RecreatingLockProvider implements ExtensibleLockProvider {

	private final JdbcTemplateLockProvider database;

	private final JdbcTemplate jdbc;

	RecreatingLockProvider(JdbcTemplateLockProvider database, JdbcTemplate jdbc) {
		this.database = database;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration configuration) {
		Optional<SimpleLock> lock = this.database.lock(configuration);
		if (lock.isPresent() || rowExists(configuration.getName())) {
			return lock;
		}
		this.database.clearCache();
		return this.database.lock(configuration);
	}

	private boolean rowExists(String name) {
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = ?", Integer.class, name);
		return rows != null && rows > 0;
	}

}
