package org.outreachcrm.directory;

import java.util.List;

/**
 * A person's data was erased. Published inside the erasing transaction, so that every
 * module removes its copies (interaction notes, import logs, rejection rows, history) all
 * or nothing.
 *
 * @param contactId the person, whose row stays as "Erased person #id"
 * @param identifiers what identified them (names, e-mails, phones) so that listeners can
 * find and redact copies; it lives only in memory and is never logged
 */
public record PersonErased(long contactId, List<String> identifiers) {

	/** What replaces erased text. */
	public static final String REDACTED = "[erased]";

}
