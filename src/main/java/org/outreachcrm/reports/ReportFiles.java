package org.outreachcrm.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The folder of generated workbooks ({@code crm.reports.directory}). Names are built by
 * the server from the report type, the period and the run id; a name read back from the
 * database is checked against that shape and resolved inside the folder, so no path a
 * user could influence is ever opened.
 */
@Component
class ReportFiles {

	private static final Pattern NAME = Pattern
		.compile("[a-z-]+_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}_\\d+\\.xlsx");

	private final Path directory;

	ReportFiles(ReportsProperties properties) {
		this.directory = properties.directory().toAbsolutePath().normalize();
	}

	static String name(long runId, ReportFilter filter) {
		return filter.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + "_" + filter.from() + "_" + filter.to()
				+ "_" + runId + ".xlsx";
	}

	/** Writes through a temporary file, then moves it into place: never a half file. */
	void write(String name, Writer writer) throws IOException {
		Path target = resolve(name).orElseThrow(() -> new IllegalArgumentException("not a report file name"));
		Files.createDirectories(this.directory);
		Path partial = Files.createTempFile(this.directory, ".partial-", ".xlsx");
		try {
			try (OutputStream out = Files.newOutputStream(partial)) {
				writer.write(out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/** The file of that name inside the folder, if the name has the server's shape. */
	Optional<Path> resolve(String name) {
		if (!NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path path = this.directory.resolve(name).normalize();
		return path.getParent().equals(this.directory) ? Optional.of(path) : Optional.empty();
	}

	/** Writes a workbook to a stream. */
	@FunctionalInterface
	interface Writer {

		void write(OutputStream out) throws IOException;

	}

}
