package org.outreachcrm.privacy;

import java.time.Instant;

/** One line of the erasure log: who erased which person, when; never what was erased. */
public record ErasureView(long id, long contactId, String erasedBy, Instant erasedAt) {
}
