package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes a spreadsheet format from the file's content, never from its name: people
 * rename files, and browsers and mail programs change extensions. Whatever is not a
 * readable spreadsheet is named in a {@link SpreadsheetException} the user understands.
 */
public final class FormatDetector {

	private static final int HEAD_LENGTH = 8192;

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final String ODS_MIME_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

	// The directory entry names Excel and other writers use for the BIFF8 stream.
	private static final Set<String> XLS_STREAMS = Set.of("Workbook", "WORKBOOK", "WorkBook", "BOOK");

	/**
	 * The format of {@code file}.
	 * @param fileName the name the user knows the file by, for messages
	 * @throws SpreadsheetException if the file is empty, is not a spreadsheet, is
	 * password-protected or is damaged beyond recognition
	 */
	public SpreadsheetFormat detect(Path file, String fileName) {
		byte[] head = readHead(file, fileName);
		if (head.length == 0) {
			throw new SpreadsheetException(ReadingMessage.EMPTY_FILE, fileName);
		}
		if (startsWith(head, OLE2)) {
			return inspectOle2(file, fileName);
		}
		if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
			return inspectZip(file, fileName);
		}
		rejectKnownBinary(head, fileName);
		if (isText(head)) {
			rejectMarkup(head, fileName);
			return SpreadsheetFormat.CSV;
		}
		throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_BINARY, fileName);
	}

	private static void rejectKnownBinary(byte[] head, String fileName) {
		if (startsWith(head, '%', 'P', 'D', 'F')) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_PDF, fileName);
		}
		String image = imageKind(head);
		if (image != null) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_IMAGE, fileName, image);
		}
		String archive = archiveKind(head);
		if (archive != null) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_ARCHIVE, fileName, archive);
		}
		// BIFF2 to BIFF4 worksheets start with a bare BOF record, outside any OLE2
		// container.
		if (head.length >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04)
				&& head[3] == 0x00 && (head[2] == 0x04 || head[2] == 0x06)) {
			throw new SpreadsheetException(ReadingMessage.OLD_EXCEL_FORMAT, fileName);
		}
	}

	private static @Nullable String imageKind(byte[] head) {
		if (startsWith(head, 0x89, 'P', 'N', 'G')) {
			return "PNG";
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return "JPEG";
		}
		if (startsWith(head, 'G', 'I', 'F', '8')) {
			return "GIF";
		}
		if (startsWith(head, 'I', 'I', '*', 0) || startsWith(head, 'M', 'M', 0, '*')) {
			return "TIFF";
		}
		if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
				&& head[10] == 'B' && head[11] == 'P') {
			return "WebP";
		}
		return null;
	}

	private static @Nullable String archiveKind(byte[] head) {
		if (startsWith(head, 0x1F, 0x8B)) {
			return "gzip";
		}
		if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
			return "7-Zip";
		}
		if (startsWith(head, 'R', 'a', 'r', '!')) {
			return "RAR";
		}
		return null;
	}

	private static void rejectMarkup(byte[] head, String fileName) {
		String start = new String(head, StandardCharsets.ISO_8859_1).replace("\u0000", "")
			.replaceFirst("^(\u00EF\u00BB\u00BF|\u00FF\u00FE|\u00FE\u00FF)", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (start.startsWith("{\\rtf")) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_RTF, fileName);
		}
		if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")
				|| (start.startsWith("<") && start.contains("<html"))) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_HTML, fileName);
		}
		if (start.startsWith("<?xml")) {
			if (start.contains("urn:schemas-microsoft-com:office:spreadsheet") || start.contains("excel.sheet")) {
				throw new SpreadsheetException(ReadingMessage.EXCEL_XML_NOT_SUPPORTED, fileName);
			}
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_XML, fileName);
		}
	}

	/**
	 * Text has no NUL bytes, except in UTF-16 where every other byte of Latin text is
	 * NUL; UTF-16 without a byte order mark is not recognized.
	 */
	private static boolean isText(byte[] head) {
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			return true;
		}
		int control = 0;
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
			if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				control++;
			}
		}
		return control * 20 < head.length;
	}

	private static SpreadsheetFormat inspectOle2(Path file, String fileName) {
		Set<String> names;
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			names = fs.getRoot().getEntryNames();
		}
		catch (IOException | RuntimeException ex) {
			throw new SpreadsheetException(ReadingMessage.DAMAGED, ex, fileName, SpreadsheetFormat.XLS.description());
		}
		if (names.contains("EncryptedPackage") || names.contains("EncryptionInfo")) {
			throw new SpreadsheetException(ReadingMessage.PASSWORD_PROTECTED, fileName);
		}
		if (names.stream().anyMatch(XLS_STREAMS::contains)) {
			return SpreadsheetFormat.XLS;
		}
		if (names.contains("Book")) {
			throw new SpreadsheetException(ReadingMessage.OLD_EXCEL_FORMAT, fileName);
		}
		if (names.contains("WordDocument")) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_WORD, fileName);
		}
		if (names.contains("PowerPoint Document")) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_PRESENTATION, fileName);
		}
		throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_BINARY, fileName);
	}

	private static SpreadsheetFormat inspectZip(Path file, String fileName) {
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			ZipArchiveEntry mimetype = zip.getEntry("mimetype");
			if (mimetype != null) {
				return inspectOpenDocument(zip, mimetype, fileName);
			}
			if (zip.getEntry("xl/workbook.xml") != null || hasEntryUnder(zip, "xl/", ".xml", "workbook")) {
				return SpreadsheetFormat.XLSX;
			}
			if (zip.getEntry("xl/workbook.bin") != null) {
				throw new SpreadsheetException(ReadingMessage.XLSB_NOT_SUPPORTED, fileName);
			}
			if (zip.getEntry("word/document.xml") != null || hasEntryUnder(zip, "word/", ".xml", "")) {
				throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_WORD, fileName);
			}
			if (hasEntryUnder(zip, "ppt/", ".xml", "")) {
				throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_PRESENTATION, fileName);
			}
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_ZIP, fileName);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SpreadsheetException known) {
				throw known;
			}
			throw new SpreadsheetException(ReadingMessage.DAMAGED_ARCHIVE, ex, fileName);
		}
	}

	private static boolean hasEntryUnder(ZipFile zip, String folder, String suffix, String nameContains) {
		var entries = zip.getEntries();
		int seen = 0;
		// A bounded look: a spreadsheet's parts are few, an archive may hold thousands.
		while (entries.hasMoreElements() && seen++ < 10_000) {
			String name = entries.nextElement().getName();
			if (name.startsWith(folder) && name.endsWith(suffix) && name.contains(nameContains)) {
				return true;
			}
		}
		return false;
	}

	private static SpreadsheetFormat inspectOpenDocument(ZipFile zip, ZipArchiveEntry mimetype, String fileName)
			throws IOException {
		String type;
		try (InputStream in = zip.getInputStream(mimetype)) {
			type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim();
		}
		if (!type.startsWith(ODS_MIME_TYPE)) {
			throw new SpreadsheetException(ReadingMessage.NOT_A_SPREADSHEET_OPENDOCUMENT, fileName, type);
		}
		ZipArchiveEntry manifest = zip.getEntry("META-INF/manifest.xml");
		if (manifest != null) {
			try (InputStream in = zip.getInputStream(manifest)) {
				String text = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
				if (text.contains("encryption-data")) {
					throw new SpreadsheetException(ReadingMessage.PASSWORD_PROTECTED, fileName);
				}
			}
		}
		return SpreadsheetFormat.ODS;
	}

	private static byte[] readHead(Path file, String fileName) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD_LENGTH);
		}
		catch (IOException ex) {
			throw new SpreadsheetException(ReadingMessage.READ_FAILED, ex, fileName);
		}
	}

	private static boolean startsWith(byte[] head, byte[] prefix) {
		return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((head[i] & 0xFF) != (prefix[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

}
