package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.imports.testdata.Bundles;
import org.outreachcrm.imports.testdata.PartnerListFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatDetectorTest {

	@TempDir
	Path dir;

	private final FormatDetector detector = new FormatDetector();

	private Path file(String name, byte[] content) throws IOException {
		return Files.write(this.dir.resolve(name), content);
	}

	private Path zip(String name, String... entriesAndContents) throws IOException {
		Path file = this.dir.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (int i = 0; i < entriesAndContents.length; i += 2) {
				out.putNextEntry(new ZipEntry(entriesAndContents[i]));
				out.write(entriesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return file;
	}

	private void assertRefused(Path file, ReadingMessage reason, String message) {
		assertThatThrownBy(() -> this.detector.detect(file, "upload.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(reason);
				assertThat(Bundles.english(ex)).isEqualTo(message);
			});
	}

	@Test
	void recognizesWorkbooksByContentWhateverTheirName() throws IOException {
		Path xlsx = Files.move(PartnerListFiles.xlsx(this.dir), this.dir.resolve("a.xls"));
		Path xls = Files.move(PartnerListFiles.xls(this.dir), this.dir.resolve("b.csv"));
		Path ods = Files.move(PartnerListFiles.ods(this.dir), this.dir.resolve("c.xlsx"));
		assertThat(this.detector.detect(xlsx, "a.xls")).isEqualTo(SpreadsheetFormat.XLSX);
		assertThat(this.detector.detect(xls, "b.csv")).isEqualTo(SpreadsheetFormat.XLS);
		assertThat(this.detector.detect(ods, "c.xlsx")).isEqualTo(SpreadsheetFormat.ODS);
	}

	@Test
	void recognizesDelimitedText() throws IOException {
		assertThat(this.detector.detect(file("a.txt", "Imię;Nazwisko\nAnna;Nowak\n".getBytes(StandardCharsets.UTF_8)),
				"a.txt"))
			.isEqualTo(SpreadsheetFormat.CSV);
		byte[] utf16 = "\uFEFFName\tEmail\n".getBytes(StandardCharsets.UTF_16LE);
		assertThat(this.detector.detect(file("b.tsv", utf16), "b.tsv")).isEqualTo(SpreadsheetFormat.CSV);
	}

	@Test
	void namesPdfAndImages() throws IOException {
		assertRefused(file("a.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)),
				ReadingMessage.NOT_A_SPREADSHEET_PDF,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a PDF document.");
		assertRefused(file("a.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 }),
				ReadingMessage.NOT_A_SPREADSHEET_IMAGE,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a PNG image.");
		assertRefused(file("a.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 }),
				ReadingMessage.NOT_A_SPREADSHEET_IMAGE,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a JPEG image.");
		assertRefused(file("a.gif", "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)),
				ReadingMessage.NOT_A_SPREADSHEET_IMAGE,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a GIF image.");
	}

	@Test
	void namesAnEmptyFile() throws IOException {
		assertRefused(file("empty.xlsx", new byte[0]), ReadingMessage.EMPTY_FILE, "The file \"upload.xlsx\" is empty.");
	}

	@Test
	void namesZipArchivesAndOtherOfficeDocuments() throws IOException {
		assertRefused(zip("a.zip", "notes.txt", "hello"), ReadingMessage.NOT_A_SPREADSHEET_ZIP,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a zip archive with no spreadsheet in it.");
		Path docx = this.dir.resolve("letter.docx");
		try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
			document.createParagraph().createRun().setText("Dear partners");
			document.write(out);
		}
		assertRefused(docx, ReadingMessage.NOT_A_SPREADSHEET_WORD,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a Word document.");
		assertRefused(zip("a.odt", "mimetype", "application/vnd.oasis.opendocument.text"),
				ReadingMessage.NOT_A_SPREADSHEET_OPENDOCUMENT,
				"Not a spreadsheet: the content of \"upload.xlsx\" is an OpenDocument file of another kind (application/vnd.oasis.opendocument.text).");
	}

	@Test
	void namesWebPagesSavedAsXls() throws IOException {
		assertRefused(file("a.xls", "<html><body><table><tr><td>1</td></tr></table>".getBytes(StandardCharsets.UTF_8)),
				ReadingMessage.NOT_A_SPREADSHEET_HTML,
				"Not a spreadsheet: the content of \"upload.xlsx\" is a web page (HTML). Open it in a spreadsheet program and save it as .xlsx.");
	}

	@Test
	void namesPasswordProtectedXlsx() throws Exception {
		Path plain = PartnerListFiles.xlsx(this.dir);
		Path encrypted = this.dir.resolve("secret.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				Files.copy(plain, out);
			}
			try (OutputStream out = Files.newOutputStream(encrypted)) {
				fs.writeFilesystem(out);
			}
		}
		assertRefused(encrypted, ReadingMessage.PASSWORD_PROTECTED,
				"The file is password-protected: \"upload.xlsx\" cannot be read. Remove the password, save the file and upload it again.");
	}

	@Test
	void namesPasswordProtectedXlsWhenOpening() throws IOException {
		Path file = this.dir.resolve("secret.xls");
		Biff8EncryptionKey.setCurrentUserPassword("secret");
		try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("Lista").createRow(0).createCell(0).setCellValue("Email");
			workbook.write(out);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		assertThatThrownBy(() -> new SpreadsheetOpener().open(file, "secret.xls")).isInstanceOfSatisfying(
				SpreadsheetException.class, ex -> assertThat(ex.reason()).isEqualTo(ReadingMessage.PASSWORD_PROTECTED));
	}

	@Test
	void namesATruncatedWorkbookAsDamaged() throws IOException {
		byte[] whole = Files.readAllBytes(PartnerListFiles.xlsx(this.dir));
		Path truncated = file("cut.xlsx", java.util.Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> new SpreadsheetOpener().open(truncated, "cut.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, ex -> {
				assertThat(ex.reason().problem()).isEqualTo(ReadingMessage.Problem.DAMAGED);
				assertThat(Bundles.english(ex)).startsWith("The file is damaged and cannot be read: \"cut.xlsx\"");
			});
	}

	@Test
	void namesUnknownBinaryData() throws IOException {
		assertRefused(file("a.bin", new byte[] { 1, 2, 3, 0, 0, 5, 6, 7 }), ReadingMessage.NOT_A_SPREADSHEET_BINARY,
				"Not a spreadsheet: the content of \"upload.xlsx\" is binary data of an unknown kind.");
	}

}
