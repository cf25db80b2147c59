package org.outreachcrm.imports.reading;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX files written by hand, as programs other than POI write them: the shared strings'
 * items and the sheet's rows as XML, a 1904 date system and a date style (index 1).
 */
final class CraftedXlsx {

	private CraftedXlsx() {
	}

	static Path write(Path file, String sharedStringItems, String rows) throws IOException {
		return write(file, (out) -> out.write(sharedStringItems), (out) -> out.write(rows));
	}

	/**
	 * Writes the shared strings' items and the sheet's rows as they are produced, so that
	 * a file of a million rows needs no more memory than one of ten.
	 */
	static Path write(Path file, Content sharedStringItems, Content rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
							<Default Extension="xml" ContentType="application/xml"/>
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
							<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
							<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
							</Relationships>""");
			entry(zip, "xl/workbook.xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
							<workbookPr date1904="1"/>
							<sheets><sheet name="Lista" sheetId="1" r:id="rId1"/></sheets>
							</workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
							<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
							</Relationships>""");
			entry(zip, "xl/styles.xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
							<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
							<cellStyleXfs count="1"><xf/></cellStyleXfs>
							<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
							</styleSheet>""");
			entry(zip, "xl/sharedStrings.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""", sharedStringItems,
					"</sst>");
			entry(zip, "xl/worksheets/sheet1.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
					""", rows, "</sheetData></worksheet>");
		}
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String start, Content content, String end)
			throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
		out.write(start);
		content.writeTo(out);
		out.write(end);
		out.flush();
		zip.closeEntry();
	}

	/** XML written into a part. */
	@FunctionalInterface
	interface Content {

		void writeTo(Writer out) throws IOException;

	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
