package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Refuses files too large for a format that is read whole into memory. */
final class SizeLimit {

	private static final double MB = 1024.0 * 1024.0;

	private SizeLimit() {
	}

	static void check(Path file, String fileName, SpreadsheetFormat format, long maxBytes) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new SpreadsheetException(ReadingMessage.READ_FAILED, ex, fileName);
		}
		if (size > maxBytes) {
			throw new SpreadsheetException(ReadingMessage.TOO_LARGE, fileName, megabytes(size), format.description(),
					megabytes(maxBytes));
		}
	}

	static String megabytes(long bytes) {
		return String.valueOf(Math.round(bytes / MB * 10) / 10.0).replaceFirst("\\.0$", "");
	}

}
