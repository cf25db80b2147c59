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
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * What reading the sheets of an XLSX package needs besides the sheets: their names and
 * parts in workbook order, the shared strings (in a temporary file,
 * {@link XlsxSharedStrings}), the number format of each cell style and the workbook's
 * date system. Each style is worked out once, not per cell. Close it to delete the shared
 * strings' file.
 */
final class XlsxWorkbookParts implements AutoCloseable {

	private final List<String> sheetNames = new ArrayList<>();

	private final List<PackagePart> sheetParts = new ArrayList<>();

	private final XlsxSharedStrings sharedStrings;

	private final @Nullable StylesTable styles;

	private final Map<Integer, Format> formats = new HashMap<>();

	private final boolean date1904;

	XlsxWorkbookParts(OPCPackage pkg, String fileName, ReadingLimits limits)
			throws IOException, OpenXML4JException, SAXException, XMLStreamException {
		XSSFReader reader = new XSSFReader(pkg);
		this.sharedStrings = sharedStrings(pkg, fileName, limits);
		boolean read = false;
		try {
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
			read = true;
		}
		finally {
			if (!read) {
				this.sharedStrings.close();
			}
		}
	}

	/** The first shared strings part, as POI finds it: by its content type. */
	private static XlsxSharedStrings sharedStrings(OPCPackage pkg, String fileName, ReadingLimits limits)
			throws IOException, XMLStreamException {
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (parts.isEmpty()) {
			return XlsxSharedStrings.none();
		}
		PackagePart part = parts.get(0);
		String name = part.getPartName().getName().replaceFirst("^/", "");
		return XlsxSharedStrings.read(part.getInputStream(), name, fileName, limits);
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

	/**
	 * The shared strings: a string's text by its index, and whether it was longer than a
	 * cell may be.
	 */
	XlsxSharedStrings sharedStrings() {
		return this.sharedStrings;
	}

	@Override
	public void close() {
		this.sharedStrings.close();
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
