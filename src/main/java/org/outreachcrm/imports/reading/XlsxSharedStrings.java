package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

import org.jspecify.annotations.Nullable;

/**
 * The shared strings of an XLSX workbook, kept in a temporary file rather than in memory:
 * a million-row list holds millions of distinct strings (hundreds of megabytes as Java
 * strings), which POI's {@code ReadOnlySharedStringsTable} would hold whole. The part is
 * read once, with the StAX cursor and every text capped ({@link XmlText}); memory keeps
 * only each string's offset in the file (4 bytes a string), a read window and a small
 * cache of recent strings, which is enough since sheets mostly use strings in the order
 * they were added. The file is deleted on {@link #close()}, and when reading the part
 * fails.
 *
 * <p>
 * Bounded by {@link ReadingLimits}: the unpacked part's size (counted while inflating),
 * the number of strings and their total length; a string longer than a cell may be keeps
 * only its start and is marked, so that the cells using it are rejected as over-long.
 * <p>
 * Not thread-safe: one sheet reader uses it at a time.
 */
final class XlsxSharedStrings implements AutoCloseable {

	private static final String TEMP_PREFIX = "crm-shared-strings-";

	private static final int CACHE_SIZE = 8192;

	private final @Nullable Path file;

	private final @Nullable FileChannel channel;

	private final int[] offsets;

	private final int count;

	private final ByteBuffer window;

	private long windowStart;

	private final String[] cachedText = new String[CACHE_SIZE];

	private final int[] cachedIndex = new int[CACHE_SIZE];

	private final boolean[] cachedOverLong = new boolean[CACHE_SIZE];

	private boolean lastOverLong;

	private XlsxSharedStrings(@Nullable Path file, @Nullable FileChannel channel, int[] offsets, int count,
			int maxCellChars) {
		this.file = file;
		this.channel = channel;
		this.offsets = offsets;
		this.count = count;
		this.window = ByteBuffer.allocate(Math.max(64 * 1024, 3 * maxCellChars + 16));
		this.window.limit(0);
		this.windowStart = 0;
		Arrays.fill(this.cachedIndex, -1);
	}

	/** A workbook without shared strings. */
	static XlsxSharedStrings none() {
		return new XlsxSharedStrings(null, null, new int[0], 0, 1);
	}

	/**
	 * Reads the shared strings part into a temporary file.
	 * @param part the part's content, closed here
	 * @param partName the part's name in the package, for messages
	 */
	static XlsxSharedStrings read(InputStream part, String partName, String fileName, ReadingLimits limits)
			throws IOException, XMLStreamException {
		Path file = Files.createTempFile(TEMP_PREFIX, ".txt");
		try (InputStream in = XlsxSharedStringsWriter.counted(part, limits.maxSharedStringsBytes(), fileName,
				partName)) {
			XlsxSharedStringsWriter writer = new XlsxSharedStringsWriter(file, fileName, limits);
			try (writer) {
				writer.readAll(in);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
			return new XlsxSharedStrings(file, channel, writer.offsets(), writer.count(), limits.maxCellChars());
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * The prefix of the temporary files, so that tests can see that none is left behind.
	 */
	static String tempFilePrefix() {
		return TEMP_PREFIX;
	}

	int count() {
		return this.count;
	}

	/**
	 * The string at {@code index} (only its start when {@link #lastOverLong()}), or null
	 * when the table has none there.
	 */
	@Nullable String get(int index) throws IOException {
		if (index < 0 || index >= this.count) {
			this.lastOverLong = false;
			return null;
		}
		int slot = index & (CACHE_SIZE - 1);
		if (this.cachedIndex[slot] == index) {
			this.lastOverLong = this.cachedOverLong[slot];
			return this.cachedText[slot];
		}
		String text = load(this.offsets[index]);
		this.cachedIndex[slot] = index;
		this.cachedText[slot] = text;
		this.cachedOverLong[slot] = this.lastOverLong;
		return text;
	}

	/** Whether the string last returned by {@link #get(int)} was longer than a cell. */
	boolean lastOverLong() {
		return this.lastOverLong;
	}

	/**
	 * Reads a string from the window, which moves forward as the sheet uses strings
	 * further on; a string before the window (one used again much later, such as a
	 * country) is read on its own, leaving the window where it is.
	 */
	private String load(long offset) throws IOException {
		if (!inWindow(offset, 1) || !inWindow(offset, recordLength(this.window, (int) (offset - this.windowStart)))) {
			if (offset < this.windowStart) {
				return loadAside(offset);
			}
			fill(this.window, offset);
			this.windowStart = offset;
		}
		return decode(this.window, (int) (offset - this.windowStart));
	}

	private String loadAside(long offset) throws IOException {
		ByteBuffer small = ByteBuffer.allocate(256);
		fill(small, offset);
		int length = recordLength(small, 0);
		if (length > small.limit()) {
			small = ByteBuffer.allocate(length);
			fill(small, offset);
		}
		return decode(small, 0);
	}

	/**
	 * The length of the record at {@code at}, header included; its header must be there.
	 */
	private static int recordLength(ByteBuffer buffer, int at) {
		int header = 0;
		int shift = 0;
		int headerLength = 0;
		byte b;
		do {
			if (at + headerLength >= buffer.limit()) {
				return Integer.MAX_VALUE;
			}
			b = buffer.get(at + headerLength++);
			header |= (b & 0x7F) << shift;
			shift += 7;
		}
		while ((b & 0x80) != 0);
		return headerLength + (header >>> 1);
	}

	private String decode(ByteBuffer buffer, int at) {
		int header = 0;
		int shift = 0;
		int headerLength = 0;
		byte b;
		do {
			b = buffer.get(at + headerLength++);
			header |= (b & 0x7F) << shift;
			shift += 7;
		}
		while ((b & 0x80) != 0);
		this.lastOverLong = (header & 1) != 0;
		return new String(buffer.array(), at + headerLength, header >>> 1, StandardCharsets.UTF_8);
	}

	private boolean inWindow(long offset, int length) {
		return offset >= this.windowStart && offset + length <= this.windowStart + this.window.limit();
	}

	/** Fills the buffer from the file at {@code offset}, as far as the file goes. */
	private void fill(ByteBuffer buffer, long offset) throws IOException {
		FileChannel source = this.channel;
		if (source == null) {
			throw new IOException("No shared strings");
		}
		buffer.clear();
		long position = offset;
		while (buffer.hasRemaining()) {
			int read = source.read(buffer, position);
			if (read < 0) {
				break;
			}
			position += read;
		}
		buffer.flip();
	}

	/** Closes and deletes the temporary file. */
	@Override
	public void close() {
		try {
			if (this.channel != null) {
				this.channel.close();
			}
		}
		catch (IOException ex) {
			// Read-only: nothing is lost when closing fails.
		}
		try {
			if (this.file != null) {
				Files.deleteIfExists(this.file);
			}
		}
		catch (IOException ex) {
			// The temporary directory is cleaned by the system.
		}
	}

}
