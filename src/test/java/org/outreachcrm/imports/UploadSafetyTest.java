package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Uploads are checked by content, stored under server-chosen names, and read with POI's
 * zip-bomb and XXE protections on.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class UploadSafetyTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportsProperties properties;

	MvcTestResult upload(String fileName, byte[] content) {
		return this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.param("dryRun", "true")
			.with(httpBasic("admin", "Admin-Passw0rd-for-tests"))
			.exchange();
	}

	@Test
	void zipBombGuardsAreSetAtStartUp() {
		assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(PoiProtections.MIN_INFLATE_RATIO);
		assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(this.properties.maxWorkbookEntryBytes());
	}

	@Test
	void aProgramOrAWebPageRenamedToASpreadsheetIsRefusedWithAClearMessage() throws Exception {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[2] = (byte) 0x90;
		MvcTestResult program = upload("partners.xlsx", exe);
		assertThat(program.getResponse().getContentAsString()).contains("\"status\":\"FAILED\"")
			.contains("Not a spreadsheet");

		MvcTestResult page = upload("partners.csv",
				"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(page.getResponse().getContentAsString()).contains("\"status\":\"FAILED\"")
			.contains("Not a spreadsheet")
			.containsIgnoringCase("html");
	}

	@Test
	void aFileNameWithPathTraversalNeitherNamesNorPlacesTheStoredFile() throws Exception {
		Path storage = this.properties.storageDir().toAbsolutePath().normalize();
		Path outside = storage.resolve("../../evil-upload.csv").normalize();
		Files.deleteIfExists(outside);

		MvcTestResult result = upload("../../evil-upload.csv", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));

		assertThat(result.getResponse().getContentAsString()).contains("\"fileName\":\"evil-upload.csv\"");
		assertThat(outside).doesNotExist();
		try (Stream<Path> stored = Files.list(storage)) {
			assertThat(stored.map((p) -> p.getFileName().toString()))
				.allMatch((name) -> name.matches("[0-9a-f-]{36}\\.upload"));
		}
	}

	@Test
	void anXlsxDeclaringAnExternalEntityDoesNotResolveIt(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET-VALUE");
		String sheet = """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "%s">]>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
				<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>\
				<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>\
				</sheetData></worksheet>""".formatted(secret.toUri());
		Path file = dir.resolve("xxe.xlsx");
		Files.write(file, replaceEntry(workbook(), "xl/worksheets/sheet1.xml", sheet));

		List<String> cells = new ArrayList<>();
		boolean refused = false;
		try (SpreadsheetReader reader = new SpreadsheetOpener().open(file)) {
			try (SheetRows rows = reader.rows(0)) {
				while (rows.hasNext()) {
					SheetRow row = rows.next();
					cells.addAll(row.cells());
				}
			}
		}
		catch (RuntimeException ex) {
			refused = true; // refusing the DTD outright is fine too
			assertThat(String.valueOf(ex.getMessage())).doesNotContain("TOP-SECRET-VALUE");
		}
		assertThat(cells).as("refused: " + refused).noneMatch((cell) -> cell.contains("TOP-SECRET-VALUE"));
	}

	private static byte[] workbook() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Partners").createRow(0).createCell(0).setCellValue("Name");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] replaceEntry(byte[] zip, String name, String content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream rewritten = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				rewritten.putNextEntry(new ZipEntry(entry.getName()));
				rewritten
					.write(entry.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
				rewritten.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
