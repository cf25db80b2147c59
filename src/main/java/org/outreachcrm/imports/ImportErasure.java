package org.outreachcrm.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.directory.PersonErased;
import org.outreachcrm.directory.bulk.RecordChange;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The imports' part of an erasure: the change log's values of the person (kept for undo)
 * are overwritten, the rejected rows that name them (the source of the rejection report,
 * which is generated from them on each download) are redacted cell by cell, and the
 * stored upload of every import that touched them is deleted after commit (a file cannot
 * roll back; the run, its counters and its log stay).
 */
@Component
class ImportErasure {

	private static final TypeReference<List<String>> CELLS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	private final ImportsProperties properties;

	ImportErasure(NamedParameterJdbcTemplate jdbc, ObjectMapper json, ImportsProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
	}

	@EventListener
	void on(PersonErased event) {
		Set<Long> runs = new LinkedHashSet<>(this.jdbc.queryForList("""
				SELECT DISTINCT import_id FROM import_change WHERE kind = :kind
				  AND (record_id = :id OR (field IS NULL AND record_id < :id AND record_id + record_count > :id))""",
				Map.of("kind", RecordChange.Kind.CONTACT.name(), "id", event.contactId()), Long.class));
		this.jdbc.update("""
				UPDATE import_change SET
				  old_value = CASE WHEN old_value IS NULL THEN NULL ELSE :redacted END,
				  new_value = CASE WHEN new_value IS NULL THEN NULL ELSE :redacted END
				WHERE kind = :kind AND record_id = :id""", Map.of("redacted", PersonErased.REDACTED, "kind",
				RecordChange.Kind.CONTACT.name(), "id", event.contactId()));
		runs.addAll(redactRejectedRows(event.identifiers()));
		deleteUploadsAfterCommit(runs);
	}

	/**
	 * Redacts the rejected rows that hold one of the person's e-mails, phones or full
	 * name (a given or family name alone is too common to find rows by), cell by cell;
	 * returns their imports.
	 */
	private Set<Long> redactRejectedRows(List<String> identifiers) {
		Set<Long> runs = new LinkedHashSet<>();
		List<String> all = identifiers.stream().map((s) -> s.strip().toLowerCase(Locale.ROOT)).toList();
		List<String> needles = all.stream()
			.filter((s) -> s.length() >= 5
					&& (s.contains("@") || s.contains(" ") || s.chars().filter(Character::isDigit).count() >= 5))
			.toList();
		for (String needle : needles) {
			List<Map<String, Object>> rows = this.jdbc.queryForList("""
					SELECT import_id, row_no, seq, raw_cells, message, message_args FROM import_problem
					WHERE LOWER(raw_cells) LIKE :pattern OR LOWER(message) LIKE :pattern
					  OR LOWER(message_args) LIKE :pattern""", Map.of("pattern", "%" + like(needle) + "%"));
			for (Map<String, Object> row : rows) {
				String raw = (String) row.get("raw_cells");
				String cells = raw == null ? null
						: this.json.writeValueAsString(redact(this.json.readValue(raw, CELLS), needles, all));
				// the message's arguments quote cells too ("x" is not a valid e-mail
				// address)
				String arguments = (String) row.get("message_args");
				String redactedArguments = arguments == null ? null
						: this.json.writeValueAsString(redact(this.json.readValue(arguments, CELLS), needles, all));
				this.jdbc.update("""
						UPDATE import_problem SET raw_cells = :cells, message = :message, message_args = :arguments
						WHERE import_id = :importId AND row_no = :rowNo AND seq = :seq""",
						new MapSqlParameterSource("cells", cells)
							.addValue("message", redact(String.valueOf(row.get("message")), needles, all))
							.addValue("arguments", redactedArguments)
							.addValue("importId", row.get("import_id"))
							.addValue("rowNo", row.get("row_no"))
							.addValue("seq", row.get("seq")));
				runs.add(((Number) row.get("import_id")).longValue());
			}
		}
		return runs;
	}

	private static List<String> redact(List<String> cells, List<String> needles, List<String> all) {
		List<String> out = new ArrayList<>();
		for (String cell : cells) {
			out.add(cell == null ? null : redact(cell, needles, all));
		}
		return out;
	}

	/**
	 * In a row that names the person, a cell holding an identifier, or being one of their
	 * names, is replaced whole: a name is never half-kept.
	 */
	private static String redact(String text, List<String> needles, List<String> all) {
		String lower = text.strip().toLowerCase(Locale.ROOT);
		if (all.contains(lower)) {
			return PersonErased.REDACTED;
		}
		for (String needle : needles) {
			if (lower.contains(needle)) {
				return PersonErased.REDACTED;
			}
		}
		return text;
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private void deleteUploadsAfterCommit(Set<Long> runs) {
		if (runs.isEmpty()) {
			return;
		}
		List<String> files = this.jdbc.queryForList("SELECT stored_file FROM import_run WHERE id IN (:ids)",
				Map.of("ids", runs), String.class);
		Runnable delete = () -> {
			files.forEach(this::deleteUpload);
			runs.forEach(this::deleteInboxCopies);
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					delete.run();
				}
			});
		}
		else {
			delete.run();
		}
	}

	/**
	 * A spreadsheet that came through the inbox is also filed in its {@code processed/}
	 * or {@code failed/} folder beside a result text naming the run: that copy goes too,
	 * the result text (counts only) stays.
	 */
	private void deleteInboxCopies(long run) {
		String firstWords = InboxFolder.resultHeading(run);
		for (String folder : List.of("processed", "failed")) {
			Path directory = this.properties.inboxDir().resolve(folder);
			if (!Files.isDirectory(directory)) {
				continue;
			}
			try (DirectoryStream<Path> results = Files.newDirectoryStream(directory, "*.result.txt")) {
				for (Path result : results) {
					if (Files.readString(result).startsWith(firstWords)) {
						String name = result.getFileName().toString();
						Files.deleteIfExists(
								result.resolveSibling(name.substring(0, name.length() - ".result.txt".length())));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void deleteUpload(String storedFile) {
		Path root = this.properties.storageDir().toAbsolutePath().normalize();
		Path file = root.resolve(storedFile).normalize();
		if (!file.startsWith(root)) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
