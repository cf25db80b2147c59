package org.outreachcrm.imports.reading;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * Reads a shared strings part's {@code <si>} elements into the file of
 * {@link XlsxSharedStrings}, each text capped at the cell limit, and their offsets;
 * refuses the part past the count and length bounds of {@link ReadingLimits}. Each string
 * is written as its UTF-8 length (a varint whose lowest bit marks an over-long string)
 * and its bytes.
 */
final class XlsxSharedStringsWriter implements AutoCloseable {

	private final OutputStream out;

	private final String fileName;

	private final ReadingLimits limits;

	private final StringBuilder text = new StringBuilder();

	private int[] offsets = new int[1024];

	private int count;

	private long position;

	private long chars;

	XlsxSharedStringsWriter(Path file, String fileName, ReadingLimits limits) throws IOException {
		this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
		this.fileName = fileName;
		this.limits = limits;
	}

	void readAll(InputStream in) throws IOException, XMLStreamException {
		XMLInputFactory factory = XMLHelper.newXMLInputFactory();
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		XMLStreamReader xml = factory.createXMLStreamReader(in);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
					readItem(xml);
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** One {@code <si>}: its text runs, without phonetic ones, as POI reads them. */
	private void readItem(XMLStreamReader xml) throws IOException, XMLStreamException {
		int max = this.limits.maxCellChars();
		this.text.setLength(0);
		boolean over = false;
		boolean phonetic = false;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if ("t".equals(name) && !phonetic) {
					over |= XmlText.append(xml, this.text, max);
				}
				else {
					depth++;
					phonetic |= "rPh".equals(name);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				if ("rPh".equals(xml.getLocalName())) {
					phonetic = false;
				}
			}
		}
		String decoded = XlsxWorkbookParts.decoded(this.text.toString());
		if (over) {
			// only the start is ever shown of an over-long cell
			decoded = decoded.substring(0, Math.min(decoded.length(), RowAssembler.OVER_LONG_KEPT));
		}
		add(decoded, over);
	}

	private void add(String value, boolean over) throws IOException {
		if (this.count >= this.limits.maxSharedStrings()) {
			throw new SpreadsheetException(ReadingMessage.TOO_MANY_SHARED_STRINGS, this.fileName,
					this.limits.maxSharedStrings());
		}
		this.chars += value.length();
		if (this.chars > this.limits.maxSharedStringsChars() || this.position > Integer.MAX_VALUE - 16L) {
			throw new SpreadsheetException(ReadingMessage.TOO_MUCH_SHARED_TEXT, this.fileName,
					this.limits.maxSharedStringsChars());
		}
		if (this.count == this.offsets.length) {
			this.offsets = Arrays.copyOf(this.offsets,
					(int) Math.min(this.limits.maxSharedStrings(), 2L * this.offsets.length));
		}
		this.offsets[this.count++] = (int) this.position;
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		int header = (bytes.length << 1) | (over ? 1 : 0);
		while ((header & ~0x7F) != 0) {
			this.out.write((header & 0x7F) | 0x80);
			header >>>= 7;
			this.position++;
		}
		this.out.write(header);
		this.out.write(bytes);
		this.position += 1 + bytes.length;
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

	int[] offsets() {
		return this.offsets;
	}

	int count() {
		return this.count;
	}

	/** The part's content, refused once it unpacks past {@code limit} bytes. */
	static InputStream counted(InputStream part, long limit, String fileName, String partName) {
		return new CountingInput(part, limit, fileName, partName);
	}

	/**
	 * Counts the unpacked bytes of the part as they are read and stops past the limit,
	 * whatever the part declares.
	 */
	private static final class CountingInput extends FilterInputStream {

		private final long limit;

		private final String fileName;

		private final String partName;

		private long read;

		CountingInput(InputStream in, long limit, String fileName, String partName) {
			super(in);
			this.limit = limit;
			this.fileName = fileName;
			this.partName = partName;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new SpreadsheetException(ReadingMessage.TOO_MUCH_DATA_IN_XLSX, this.fileName, this.partName,
						SizeLimit.megabytes(this.limit));
			}
		}

	}

}
