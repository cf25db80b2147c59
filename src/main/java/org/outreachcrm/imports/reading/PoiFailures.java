package org.outreachcrm.imports.reading;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;

/**
 * Maps whatever Apache POI and the streaming reader throw to a message for the user. POI
 * reports damage through many unchecked exception types, so anything unrecognized counts
 * as damage.
 */
final class PoiFailures {

	private PoiFailures() {
	}

	static SpreadsheetException translate(Throwable failure, String fileName, SpreadsheetFormat format) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SpreadsheetException known) {
				return known;
			}
			if (cause instanceof EncryptedDocumentException) {
				return new SpreadsheetException(ReadingMessage.PASSWORD_PROTECTED, failure, fileName);
			}
			if (cause instanceof OldExcelFormatException) {
				return new SpreadsheetException(ReadingMessage.OLD_EXCEL_FORMAT, failure, fileName);
			}
			String message = cause.getMessage();
			if (message != null && message.contains("Zip bomb detected")) {
				return new SpreadsheetException(ReadingMessage.ZIP_BOMB, failure, fileName);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return new SpreadsheetException(ReadingMessage.DAMAGED, failure, fileName, format.description());
	}

}
