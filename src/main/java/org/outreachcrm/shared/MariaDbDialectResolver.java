package org.outreachcrm.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.jspecify.annotations.Nullable;

/**
 * Chooses Hibernate's MariaDB dialect when MySQL Connector/J talks to MariaDB. The driver
 * reports such a server as MySQL "5.5.5-10.11.x-MariaDB", and Hibernate would otherwise
 * pick the MySQL 5.5 dialect and warn that it is unsupported. Registered through
 * {@code hibernate.dialect_resolvers}, so every other database falls through to
 * Hibernate's own resolution.
 */
public final class MariaDbDialectResolver implements DialectResolver {

	private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

	@Override
	public @Nullable Dialect resolveDialect(DialectResolutionInfo info) {
		DatabaseVersion version = mariaDbVersion(info.getDatabaseVersion());
		return version == null ? null : new MariaDBDialect(version);
	}

	static @Nullable DatabaseVersion mariaDbVersion(@Nullable String reported) {
		if (reported == null) {
			return null;
		}
		Matcher matcher = MARIADB_VERSION.matcher(reported);
		if (!matcher.find()) {
			return null;
		}
		return DatabaseVersion.make(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)));
	}

}
