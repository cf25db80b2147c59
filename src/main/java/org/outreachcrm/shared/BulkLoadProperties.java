package org.outreachcrm.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk inserts ({@link BulkInsert}): {@code folder} is where {@code LOAD DATA LOCAL
 * INFILE} files are written on MySQL/MariaDB, the same folder as Connector/J's
 * {@code allowLoadLocalInfileInPath}; unset, bulk inserts are JDBC batches.
 */
@Validated
@ConfigurationProperties("crm.bulk-load")
record BulkLoadProperties(@Nullable Path folder) {
}
