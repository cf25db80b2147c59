package org.outreachcrm.imports.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a small partner list the way coordinators make them: a title row and a blank row
 * above the Polish headers, a phone number stored as a number, a date cell, a formula,
 * stray spaces, an empty row, and a notes sheet in front.
 *
 * <p>
 * Rows of the "Partnerzy" sheet (1-based): 1 title, 2 blank, 3 headers, 4 and 6 data, 5
 * empty.
 */
public final class PartnerListFiles {

	public static final List<String> HEADERS = List.of("Nazwa organizacji", "Imię", "Nazwisko", "Telefon", "Data zgody",
			"Kraj", "Liczba", "Kod pocztowy");

	public static final LocalDate CONSENT = LocalDate.of(2026, 3, 12);

	private PartnerListFiles() {
	}

	public static Path xlsx(Path dir) throws IOException {
		return write(new XSSFWorkbook(), dir.resolve("partners.xlsx"));
	}

	public static Path xls(Path dir) throws IOException {
		return write(new HSSFWorkbook(), dir.resolve("partners.xls"));
	}

	private static Path write(Workbook workbook, Path file) throws IOException {
		try (workbook) {
			var notes = workbook.createSheet("Notatki");
			notes.createRow(0).createCell(0).setCellValue("Lista przygotowana przez koordynatora");
			var sheet = workbook.createSheet("Partnerzy");
			sheet.createRow(0).createCell(0).setCellValue("Lista partnerów 2026");
			Row header = sheet.createRow(2);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			CellStyle postalStyle = workbook.createCellStyle();
			postalStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("00-000"));

			Row first = sheet.createRow(3);
			first.createCell(0).setCellValue("  Fundacja Łódź  ");
			first.createCell(1).setCellValue("Anna\u00A0");
			first.createCell(2).setCellValue("Kowalska");
			first.createCell(3).setCellValue(48601234567.0);
			var date = first.createCell(4);
			date.setCellValue(CONSENT);
			date.setCellStyle(dateStyle);
			first.createCell(5).setCellValue("Polska");
			first.createCell(6).setCellFormula("1+2");
			var postal = first.createCell(7);
			postal.setCellValue(1234);
			postal.setCellStyle(postalStyle);

			Row empty = sheet.createRow(4);
			empty.createCell(0).setCellValue("   ");
			empty.createCell(3).setBlank();

			Row second = sheet.createRow(5);
			second.createCell(0).setCellValue("Asociația Română");
			second.createCell(1).setCellValue("Ion");
			second.createCell(2).setCellValue("Popescu");
			second.createCell(3).setCellValue("+40 721 234 567");
			second.createCell(5).setCellValue("România");
			second.createCell(6).setCellFormula("B6&\" \"&C6");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		return file;
	}

	/**
	 * The same list as an OpenDocument spreadsheet. SODS writes no cached formula
	 * results, so the "Liczba" cell holds the value 3 itself.
	 */
	public static Path ods(Path dir) throws IOException {
		SpreadSheet document = new SpreadSheet();
		Sheet notes = new Sheet("Notatki", 1, 1);
		notes.getRange(0, 0).setValue("Lista przygotowana przez koordynatora");
		document.appendSheet(notes);
		Sheet sheet = new Sheet("Partnerzy", 6, HEADERS.size());
		sheet.getRange(0, 0).setValue("Lista partnerów 2026");
		Range header = sheet.getRange(2, 0, 1, HEADERS.size());
		header.setValues(HEADERS.toArray());
		sheet.getRange(3, 0, 1, 7)
			.setValues("  Fundacja Łódź  ", "Anna\u00A0", "Kowalska", 48601234567.0, CONSENT, "Polska", 3.0);
		sheet.getRange(4, 0).setValue("   ");
		sheet.getRange(5, 0, 1, 6).setValues("Asociația Română", "Ion", "Popescu", "+40 721 234 567", null, "România");
		document.appendSheet(sheet);
		Path file = dir.resolve("partners.ods");
		document.save(file.toFile());
		return file;
	}

	/**
	 * A list as coordinators send them: a title row, a blank row, Polish headers; names
	 * carry the marker {@code m} so that runs never collide.
	 *
	 * <p>
	 * The rows are 4 to 8: two people of one trade union, a collective with an unknown
	 * type and country (warnings), a malformed e-mail and a row naming nobody
	 * (rejections).
	 */
	public static byte[] polishList(String m) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Partnerzy");
			sheet.createRow(0).createCell(0).setCellValue("Lista partnerów — Polska 2026");
			row(sheet, 2, "Nazwa organizacji", "Typ organizacji", "Kraj", "Imię", "Adres e-mail", "Stanowisko");
			row(sheet, 3, "Związek Zawodowy Pracowników " + m, "Związek zawodowy", "Polska", "Anna Wiśniewska " + m,
					m + "anna@zzp.example.pl", "Przewodnicząca");
			row(sheet, 4, "Związek Zawodowy Pracowników " + m, "Związek zawodowy", "PL", "Piotr Zieliński " + m,
					m + "piotr@zzp.example.pl", "");
			row(sheet, 5, "Kolektyw " + m, "Kolektyw artystyczny", "Atlantyda", "Ewa Nowak " + m, "", "");
			row(sheet, 6, "Zła Fundacja " + m, "Fundacja", "PL", "Jan", "nie-email", "");
			row(sheet, 7, "", "", "PL", "", "", "Sekretarz");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
