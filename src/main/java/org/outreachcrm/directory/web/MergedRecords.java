package org.outreachcrm.directory.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.shared.NotFoundException;

/** Where a record that was not found went, when a merge took it. */
final class MergedRecords {

	private MergedRecords() {
	}

	static Optional<Long> into(@Nullable MergeLedger ledger, NotFoundException ex) {
		if (ledger == null) {
			return Optional.empty();
		}
		MergeKind kind = switch (ex.entity()) {
			case "Organization" -> MergeKind.ORGANIZATION;
			case "Contact" -> MergeKind.CONTACT;
			default -> null;
		};
		if (kind == null || !(ex.id() instanceof Number id)) {
			return Optional.empty();
		}
		return ledger.mergedInto(kind, id.longValue());
	}

	static String path(NotFoundException ex, long into) {
		return ("Organization".equals(ex.entity()) ? "/organizations/" : "/contacts/") + into;
	}

}
