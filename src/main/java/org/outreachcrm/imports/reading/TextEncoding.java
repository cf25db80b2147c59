package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.jspecify.annotations.Nullable;

/**
 * Finds the character encoding of a text file: a byte order mark, else UTF-8 if the whole
 * file is valid UTF-8, else the legacy code page. Between the two code pages Windows uses
 * for our users, windows-1250 (Polish, Romanian, Czech...) and windows-1252 (Western
 * Europe), the one whose decoding yields fewer implausible characters wins; ICU's
 * statistical detector breaks ties and recognizes other scripts.
 *
 * @param charset the encoding
 * @param bomLength bytes of byte order mark to skip at the start
 */
record TextEncoding(Charset charset, int bomLength) {

	static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final int SAMPLE_LENGTH = 256 * 1024;

	private static final Set<String> LATIN_2 = Set.of("ISO-8859-2", "windows-1250");

	private static final Set<String> LATIN_1 = Set.of("ISO-8859-1", "windows-1252");

	// Characters that a 1250 or 1252 decoding yields from letters of the other code page,
	// but that people rarely type in names and addresses.
	private static final String UNLIKELY = "ªº¹²³¼½¾£¥¦¨¯´¸¤¬¶µþÞðÐ¿¡ˇ˘˝˛";

	static TextEncoding detect(Path file) throws IOException {
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(SAMPLE_LENGTH);
		}
		if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
			return new TextEncoding(StandardCharsets.UTF_8, 3);
		}
		if (startsWith(sample, 0xFF, 0xFE)) {
			return new TextEncoding(StandardCharsets.UTF_16LE, 2);
		}
		if (startsWith(sample, 0xFE, 0xFF)) {
			return new TextEncoding(StandardCharsets.UTF_16BE, 2);
		}
		if (isValidUtf8(file)) {
			return new TextEncoding(StandardCharsets.UTF_8, 0);
		}
		return new TextEncoding(legacyCharset(sample), 0);
	}

	static Charset legacyCharset(byte[] sample) {
		CharsetMatch best = bestGuess(sample);
		String guess = (best != null) ? best.getName() : "";
		if (!LATIN_1.contains(guess) && !LATIN_2.contains(guess) && best != null && best.getConfidence() >= 50
				&& Charset.isSupported(guess)) {
			return Charset.forName(guess);
		}
		int unlikely1250 = unlikelyCharacters(sample, WINDOWS_1250);
		int unlikely1252 = unlikelyCharacters(sample, WINDOWS_1252);
		if (unlikely1250 != unlikely1252) {
			return (unlikely1250 < unlikely1252) ? WINDOWS_1250 : WINDOWS_1252;
		}
		return LATIN_2.contains(guess) ? WINDOWS_1250 : WINDOWS_1252;
	}

	private static @Nullable CharsetMatch bestGuess(byte[] sample) {
		try {
			CharsetDetector detector = new CharsetDetector();
			detector.setText(sample);
			return detector.detect();
		}
		catch (RuntimeException ex) {
			// ICU gives up on some inputs; the code page heuristic still decides.
			return null;
		}
	}

	/** Counts decoded non-ASCII characters that are unlikely in names and addresses. */
	static int unlikelyCharacters(byte[] sample, Charset charset) {
		String text = new String(sample, charset);
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				continue;
			}
			if (c == '\uFFFD' || UNLIKELY.indexOf(c) >= 0 || Character.isISOControl(c)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Checks the whole file, not a sample: a file that is ASCII for its first megabytes
	 * and windows-1250 afterwards would otherwise come out garbled at the end.
	 */
	private static boolean isValidUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		try (var channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end) {
				end = channel.read(in) < 0;
				in.flip();
				CoderResult result = decoder.decode(in, out, end);
				if (result.isError()) {
					return false;
				}
				in.compact();
				out.clear();
			}
			CoderResult flush = decoder.flush(out);
			return !flush.isError() && in.position() == 0;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
