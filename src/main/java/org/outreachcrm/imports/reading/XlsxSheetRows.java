package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one XLSX sheet, read from the sheet's XML with the StAX cursor: one pass,
 * no event object per XML event and no cell or row objects, only the text of each cell
 * handed to a {@link RowAssembler}. Values are read as Excel stores them: shared strings
 * and inline strings as text, numbers with their cell's number format ({@link PoiCells}:
 * dates, zero padding), booleans as TRUE/FALSE, the cached result of formulas; error
 * cells and empty values are blank. Damage part way through (a truncated stream) becomes
 * a {@link SpreadsheetException} naming the file as damaged.
 *
 * <p>
 * No cell's text is read past the cell limit ({@link XmlText}): a longer value or inline
 * string keeps only its start and is marked over-long, which rejects its row with the
 * column and the reason, as a longer shared string does.
 */
final class XlsxSheetRows extends LookaheadRows {

	private final InputStream in;

	private final XMLStreamReader xml;

	private final XlsxWorkbookParts parts;

	private final PoiCells cells;

	private final RowAssembler assembler;

	private final String fileName;

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder valueText = new StringBuilder();

	private final int maxCellChars;

	private int rowNumber;

	private int column;

	XlsxSheetRows(String sheetName, InputStream in, XlsxWorkbookParts parts, String fileName, int maxCellChars) {
		super(sheetName);
		this.in = in;
		this.parts = parts;
		this.cells = new PoiCells(parts.date1904());
		this.assembler = new RowAssembler(maxCellChars);
		this.fileName = fileName;
		this.maxCellChars = maxCellChars;
		try {
			XMLInputFactory factory = XMLHelper.newXMLInputFactory();
			// long text comes in pieces, so that a cap can leave the rest unread
			factory.setProperty(XMLInputFactory.IS_COALESCING, false);
			this.xml = factory.createXMLStreamReader(in);
		}
		catch (XMLStreamException | RuntimeException ex) {
			closeQuietly();
			throw PoiFailures.translate(ex, fileName, SpreadsheetFormat.XLSX);
		}
	}

	@Override
	protected @Nullable SheetRow readNext() {
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = this.xml.getLocalName();
					if ("row".equals(name)) {
						startRow();
					}
					else if ("c".equals(name)) {
						readCell();
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(this.xml.getLocalName())) {
					SheetRow row = this.assembler.finish(this.rowNumber);
					if (row != null) {
						return row;
					}
				}
			}
			return null;
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw PoiFailures.translate(ex, this.fileName, SpreadsheetFormat.XLSX);
		}
	}

	private void startRow() {
		String number = this.xml.getAttributeValue(null, "r");
		int parsed = (number != null) ? parsePositive(number) : -1;
		this.rowNumber = (parsed > 0) ? parsed : this.rowNumber + 1;
		this.column = -1;
	}

	/** Reads one {@code <c>} element, up to its end, and adds its value to the row. */
	private void readCell() throws IOException, XMLStreamException {
		String reference = this.xml.getAttributeValue(null, "r");
		int referenced = (reference != null) ? columnOf(reference) : -1;
		this.column = (referenced >= 0) ? referenced : this.column + 1;
		String type = this.xml.getAttributeValue(null, "t");
		String style = this.xml.getAttributeValue(null, "s");
		String value = null;
		String inline = null;
		boolean over = false;
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("v".equals(name)) {
					this.valueText.setLength(0);
					over = XmlText.append(this.xml, this.valueText, this.maxCellChars);
					value = this.valueText.toString();
				}
				else if ("is".equals(name)) {
					this.text.setLength(0);
					over = inlineText();
					inline = XlsxWorkbookParts.decoded(this.text.toString());
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		if (over) {
			// read no further than a cell may be: its row is rejected, showing the start
			this.assembler.add(this.column, (inline != null) ? inline : (value != null) ? value : "", false);
			this.assembler.overLong(this.column);
			return;
		}
		try {
			addCell(type, style, value, inline);
		}
		catch (NumberFormatException ex) {
			// A value that does not fit its type (an empty <v/> in a numeric cell)
			// reads as empty rather than failing the whole file.
		}
	}

	/**
	 * Reads the text of an inline string ({@code <is>}) into {@link #text}: its runs,
	 * without phonetic ones, up to the cell limit.
	 * @return whether the string was longer than the cell limit
	 */
	private boolean inlineText() throws XMLStreamException {
		boolean over = false;
		int depth = 1;
		boolean phonetic = false;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("t".equals(name) && !phonetic) {
					over |= XmlText.append(this.xml, this.text, this.maxCellChars);
				}
				else {
					depth++;
					phonetic |= "rPh".equals(name);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				if ("rPh".equals(this.xml.getLocalName())) {
					phonetic = false;
				}
			}
		}
		return over;
	}

	private void addCell(@Nullable String type, @Nullable String style, @Nullable String value, @Nullable String inline)
			throws IOException {
		if (inline != null) {
			this.assembler.add(this.column, inline, false);
			return;
		}
		if (value == null) {
			return;
		}
		switch ((type != null) ? type : "n") {
			case "s" -> {
				XlsxSharedStrings strings = this.parts.sharedStrings();
				String shared = strings.get(Integer.parseInt(value.strip()));
				if (shared != null) {
					this.assembler.add(this.column, shared, false);
					if (strings.lastOverLong()) {
						this.assembler.overLong(this.column);
					}
				}
			}
			case "str", "inlineStr", "d" -> this.assembler.add(this.column, value, false);
			case "b" -> this.assembler.add(this.column, isTrue(value) ? "TRUE" : "FALSE", false);
			case "e" -> {
				// Error cells (#N/A, #REF!) hold no usable value.
			}
			default -> {
				int styleIndex = (style != null) ? parsePositive(style) : 0;
				this.cells.addNumber(Double.parseDouble(value), this.parts.formatIndex(styleIndex),
						this.parts.formatString(styleIndex), this.column, this.assembler);
			}
		}
	}

	private static boolean isTrue(String value) {
		String stripped = value.strip();
		return "1".equals(stripped) || "true".equalsIgnoreCase(stripped);
	}

	/** The column index of a cell reference such as "AB12", or -1 if it names none. */
	static int columnOf(String reference) {
		int column = 0;
		int letters = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			}
			else {
				break;
			}
			if (++letters > 3) {
				return -1;
			}
		}
		return column - 1;
	}

	/** A non-negative decimal number, or -1 when the text is not one. */
	private static int parsePositive(String text) {
		int value = 0;
		if (text.isEmpty() || text.length() > 9) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	@Override
	public void close() {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// Read-only: nothing is lost when closing fails.
		}
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// Read-only: nothing is lost when closing fails.
		}
	}

}
