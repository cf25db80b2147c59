package org.outreachcrm.privacy;

import java.time.Instant;
import java.util.List;

import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.Consent;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.meetings.Participation;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.InteractionView;

/**
 * Everything the system holds about one person: the record, its affiliations and consent,
 * the interactions with them and their follow-ups, their meeting invitations and
 * attendance, and the history of the record.
 */
public record PersonalDataExport(Instant exportedAt, String exportedBy, ContactDetails contact, Consent consent,
		List<AffiliationView> affiliations, List<InteractionView> interactions, List<FollowUpView> followUps,
		List<Participation> meetings, List<HistoryEntry> history) {
}
