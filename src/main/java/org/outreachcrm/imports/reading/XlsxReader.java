package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.xml.stream.XMLStreamException;

import com.github.pjfanning.xlsx.SharedStringsImplementationType;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * Streams XLSX sheets, so memory does not grow with the number of rows. The package is
 * opened by Apache POI, whose zip-bomb limits and XXE-safe XML parsing stay at their
 * defaults; each sheet's XML is read by {@link XlsxSheetRows} with the StAX cursor, with
 * the shared strings and cell styles of {@link XlsxWorkbookParts}. Strict OOXML files
 * (rare: their parts live in other namespaces) are read by excel-streaming-reader, which
 * converts them.
 */
final class XlsxReader implements SpreadsheetReader {

	/** Where Excel and POI put the shared strings, lower case. */
	private static final String SHARED_STRINGS_ENTRY = "xl/sharedstrings.xml";

	private final String fileName;

	private final @Nullable OPCPackage pkg;

	private final @Nullable XlsxWorkbookParts parts;

	private final @Nullable Workbook strictWorkbook;

	private final List<String> sheetNames;

	private final int maxCellChars;

	XlsxReader(Path file, String fileName, ReadingLimits limits) {
		this.fileName = fileName;
		this.maxCellChars = limits.maxCellChars();
		checkParts(file, fileName, limits, false);
		OPCPackage opened = null;
		try {
			opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
			if (opened.isStrictOoxmlFormat()) {
				opened.revert();
				opened = null;
				// the converting reader holds the shared strings in memory
				checkParts(file, fileName, limits, true);
				this.pkg = null;
				this.parts = null;
				this.strictWorkbook = openStrict(file);
				List<String> names = new ArrayList<>();
				for (int i = 0; i < this.strictWorkbook.getNumberOfSheets(); i++) {
					names.add(this.strictWorkbook.getSheetName(i));
				}
				this.sheetNames = List.copyOf(names);
			}
			else {
				this.pkg = opened;
				this.parts = new XlsxWorkbookParts(opened, fileName, limits);
				this.strictWorkbook = null;
				this.sheetNames = this.parts.sheetNames();
			}
		}
		catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException ex) {
			if (opened != null) {
				opened.revert();
			}
			throw PoiFailures.translate(ex, fileName, SpreadsheetFormat.XLSX);
		}
	}

	private static Workbook openStrict(Path file) {
		return StreamingReader.builder()
			.rowCacheSize(100)
			.bufferSize(8192)
			.setSharedStringsImplementationType(SharedStringsImplementationType.POI_READ_ONLY)
			.setReadStyles(true)
			.setReadComments(false)
			.setReadHyperlinks(false)
			.setReadShapes(false)
			.setReadCoreProperties(false)
			.open(file.toFile());
	}

	/**
	 * Refuses a workbook whose parts held in memory while reading (every XML part but the
	 * sheets, which are streamed, and the shared strings, which {@link XlsxSharedStrings}
	 * keeps on disk: styles, the workbook, relations) unpack to more than
	 * {@link ReadingLimits#maxWorkbookPartBytes()}. The bytes are counted while
	 * inflating, so a part that declares a small size and inflates to hundreds of
	 * megabytes (within POI's inflate ratio) is caught after at most the limit, without
	 * holding any of it. The shared strings, read whole before any row, may unpack to
	 * {@link ReadingLimits#maxSharedStringsBytes()}, but past the in-memory part limit
	 * only if they pack no better than {@link ReadingLimits#minSharedStringsRatio()}, as
	 * text does and a zip bomb does not; {@code withSharedStrings} holds them to the
	 * in-memory limit (a reader that keeps them in memory). A file that is not a readable
	 * zip is left to POI, which says what is wrong with it.
	 */
	static void checkParts(Path file, String fileName, ReadingLimits limits, boolean withSharedStrings) {
		long maxPartBytes = limits.maxWorkbookPartBytes();
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			var entries = zip.getEntries();
			byte[] buffer = new byte[64 * 1024];
			while (entries.hasMoreElements()) {
				ZipArchiveEntry entry = entries.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (entry.isDirectory() || name.startsWith("xl/worksheets/")
						|| !(name.endsWith(".xml") || name.endsWith(".rels"))) {
					continue;
				}
				if (!withSharedStrings && name.equals(SHARED_STRINGS_ENTRY)) {
					checkSharedStrings(zip, entry, buffer, fileName, limits);
				}
				else if (entry.getSize() > maxPartBytes
						|| unpackedSize(zip, entry, buffer, maxPartBytes) > maxPartBytes) {
					throw new SpreadsheetException(ReadingMessage.TOO_MUCH_DATA_IN_XLSX, fileName, entry.getName(),
							SizeLimit.megabytes(maxPartBytes));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SpreadsheetException known) {
				throw known;
			}
			// not a zip commons-compress reads: POI gives the precise reason
		}
	}

	private static void checkSharedStrings(ZipFile zip, ZipArchiveEntry entry, byte[] buffer, String fileName,
			ReadingLimits limits) throws IOException {
		long max = limits.maxSharedStringsBytes();
		long unpacked = (entry.getSize() > max) ? entry.getSize() : unpackedSize(zip, entry, buffer, max);
		if (unpacked > max) {
			throw new SpreadsheetException(ReadingMessage.TOO_MUCH_DATA_IN_XLSX, fileName, entry.getName(),
					SizeLimit.megabytes(max));
		}
		long packed = Math.max(1, entry.getCompressedSize());
		if (unpacked > limits.maxWorkbookPartBytes() && packed < unpacked * limits.minSharedStringsRatio()) {
			throw new SpreadsheetException(ReadingMessage.XLSX_PART_INFLATES_TOO_FAR, fileName, entry.getName(),
					SizeLimit.megabytes(limits.maxWorkbookPartBytes()), unpacked / packed);
		}
	}

	/** Inflates the entry, counting, up to one byte past {@code limit}. */
	private static long unpackedSize(ZipFile zip, ZipArchiveEntry entry, byte[] buffer, long limit) throws IOException {
		long total = 0;
		try (InputStream in = zip.getInputStream(entry)) {
			int n;
			while (total <= limit && (n = in.read(buffer)) > 0) {
				total += n;
			}
		}
		return total;
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public SpreadsheetFormat format() {
		return SpreadsheetFormat.XLSX;
	}

	@Override
	public List<String> sheetNames() {
		return this.sheetNames;
	}

	@Override
	public SheetRows rows(int index) {
		if (index < 0 || index >= this.sheetNames.size()) {
			throw new SpreadsheetException(ReadingMessage.NO_SUCH_SHEET, this.fileName, index + 1);
		}
		try {
			if (this.strictWorkbook != null) {
				Sheet sheet = this.strictWorkbook.getSheetAt(index);
				boolean date1904 = this.strictWorkbook instanceof Date1904Support support && support.isDate1904();
				return new PoiSheetRows(this.sheetNames.get(index), sheet.rowIterator(), new PoiCells(date1904),
						this.fileName, SpreadsheetFormat.XLSX, this.maxCellChars);
			}
			XlsxWorkbookParts workbook = Objects.requireNonNull(this.parts);
			return new XlsxSheetRows(this.sheetNames.get(index), workbook.sheet(index), workbook, this.fileName,
					this.maxCellChars);
		}
		catch (IOException | RuntimeException ex) {
			throw PoiFailures.translate(ex, this.fileName, SpreadsheetFormat.XLSX);
		}
	}

	@Override
	public void close() {
		try {
			if (this.strictWorkbook != null) {
				this.strictWorkbook.close();
			}
			if (this.parts != null) {
				this.parts.close();
			}
			if (this.pkg != null) {
				// read-only: revert, as POI advises, rather than close (which may save)
				this.pkg.revert();
			}
		}
		catch (IOException | RuntimeException ex) {
			// Read-only: nothing is lost when closing fails.
		}
	}

}
