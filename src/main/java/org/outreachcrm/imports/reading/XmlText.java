package org.outreachcrm.imports.reading;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the text of an XML element with a cap, where
 * {@link XMLStreamReader#getElementText()} would build a string of whatever length the
 * file holds. The StAX cursor is not coalescing, so it hands long text over in pieces of
 * a few thousand characters; the pieces past the cap are skipped without being copied,
 * and a cell of hundreds of megabytes costs no more memory than one of the cap's length.
 */
final class XmlText {

	private XmlText() {
	}

	/**
	 * Appends the text of the element whose start tag the cursor is on to {@code text},
	 * until {@code text} holds {@code max} characters, and leaves the cursor on the
	 * element's end tag. Text of nested elements is left out.
	 * @return whether the element held more text than fitted
	 */
	static boolean append(XMLStreamReader xml, StringBuilder text, int max) throws XMLStreamException {
		boolean over = false;
		int depth = 1;
		while (true) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> {
					if (--depth == 0) {
						return over;
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
						XMLStreamConstants.ENTITY_REFERENCE -> {
					if (depth == 1) {
						over |= appendPiece(xml, text, max);
					}
				}
				case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Unexpected end of document");
				default -> {
					// comments and processing instructions hold no cell text
				}
			}
		}
	}

	private static boolean appendPiece(XMLStreamReader xml, StringBuilder text, int max) {
		int room = max - text.length();
		if (xml.getEventType() == XMLStreamConstants.ENTITY_REFERENCE) {
			String replaced = xml.getText();
			text.append(replaced, 0, Math.min(room, replaced.length()));
			return replaced.length() > room;
		}
		int length = xml.getTextLength();
		text.append(xml.getTextCharacters(), xml.getTextStart(), Math.max(0, Math.min(room, length)));
		return length > room;
	}

}
