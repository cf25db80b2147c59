package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * What reading the sheets of an XLSX package needs besides the sheets: their names and
 * parts in workbook order, the shared strings (POI's read-only table, plain strings), the
 * number format of each cell style and the workbook's date system. Each shared string and
 * style is worked out once, not per cell.
 */
final class XlsxWorkbookParts {

	private final List<String> sheetNames = new ArrayList<>();

	private final List<PackagePart> sheetParts = new ArrayList<>();

	private final ReadOnlySharedStringsTable sharedStrings;

	private final @Nullable String[] decodedStrings;

	private final @Nullable StylesTable styles;

	private final Map<Integer, Format> formats = new HashMap<>();

	private final boolean date1904;

	XlsxWorkbookParts(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException, XMLStreamException {
		XSSFReader reader = new XSSFReader(pkg);
		this.sharedStrings = new ReadOnlySharedStringsTable(pkg, false);
		this.decodedStrings = new String[this.sharedStrings.getUniqueCount()];
		this.styles = reader.getStylesTable();
		try (InputStream workbook = reader.getWorkbookData()) {
			this.date1904 = date1904(workbook);
		}
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		while (sheets.hasNext()) {
			try (InputStream ignored = sheets.next()) {
				this.sheetNames.add(sheets.getSheetName());
				this.sheetParts.add(sheets.getSheetPart());
			}
		}
	}

	List<String> sheetNames() {
		return List.copyOf(this.sheetNames);
	}

	InputStream sheet(int index) throws IOException {
		return this.sheetParts.get(index).getInputStream();
	}

	boolean date1904() {
		return this.date1904;
	}

	/** The shared string at {@code index}, or null when the table has none there. */
	@Nullable String sharedString(int index) {
		if (index < 0) {
			return null;
		}
		if (index >= this.decodedStrings.length) {
			// the table's declared count was wrong: look up without remembering
			try {
				return this.sharedStrings.getItemAt(index).getString();
			}
			catch (IndexOutOfBoundsException ex) {
				return null;
			}
		}
		String known = this.decodedStrings[index];
		if (known == null) {
			known = this.sharedStrings.getItemAt(index).getString();
			this.decodedStrings[index] = known;
		}
		return known;
	}

	int formatIndex(int style) {
		return format(style).index();
	}

	@Nullable String formatString(int style) {
		return format(style).text();
	}

	private Format format(int style) {
		return this.formats.computeIfAbsent(style, (index) -> {
			if (this.styles == null || index < 0 || index >= this.styles.getNumCellStyles()) {
				return new Format(0, BuiltinFormats.getBuiltinFormat(0));
			}
			XSSFCellStyle cellStyle = this.styles.getStyleAt(index);
			return (cellStyle != null) ? new Format(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
					: new Format(0, BuiltinFormats.getBuiltinFormat(0));
		});
	}

	/**
	 * An inline string's text as Excel means it: {@code _x000D_} and the like stand for
	 * characters XML cannot hold (POI decodes them the same way for shared strings).
	 */
	static String decoded(String text) {
		return text.contains("_x") ? new XSSFRichTextString(text).getString() : text;
	}

	private static boolean date1904(InputStream workbook) throws XMLStreamException {
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if ("workbookPr".equals(name)) {
						String value = xml.getAttributeValue(null, "date1904");
						return "1".equals(value) || "true".equalsIgnoreCase(value);
					}
					if ("sheets".equals(name)) {
						return false;
					}
				}
			}
			return false;
		}
		finally {
			xml.close();
		}
	}

	private record Format(int index, @Nullable String text) {
	}

}
