package org.outreachcrm.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.meetings.Participation;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.shared.SpreadsheetText;

/**
 * The personal-data export as an XLSX, one sheet per part (Contact, Consent,
 * Affiliations, Interactions, Follow-ups, Meetings, History). Every value is text written
 * through {@link SpreadsheetText}, so nothing a person typed runs as a formula. Times are
 * UTC, and say so: "2026-01-12 11:00:00 UTC", under headers marked "(UTC)".
 */
public final class PersonalDataWorkbook {

	/** The sheets, in order. */
	public static final List<String> SHEETS = List.of("Contact", "Consent", "Affiliations", "Interactions",
			"Follow-ups", "Meetings", "History");

	private PersonalDataWorkbook() {
	}

	public static void write(PersonalDataExport export, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SpreadsheetText text = new SpreadsheetText(workbook);
			ContactDetails c = export.contact();
			table(workbook.createSheet("Contact"), text, List.of("Field", "Value"),
					List.of(row("id", c.id()), row("displayName", c.displayName()), row("givenName", c.givenName()),
							row("familyName", c.familyName()), row("emails", String.join(", ", c.emails())),
							row("phones", String.join(", ", c.phones())),
							row("preferredLanguage", c.preferredLanguage()), row("country", c.country()),
							row("notes", c.notes()), row("tags", String.join(", ", c.tags())),
							row("createdAt", c.createdAt()), row("createdBy", c.createdBy()),
							row("updatedAt", c.updatedAt()), row("updatedBy", c.updatedBy()),
							row("exportedAt", export.exportedAt()), row("exportedBy", export.exportedBy())));
			table(workbook.createSheet("Consent"), text, List.of("Field", "Value"),
					List.of(row("status", export.consent().status()), row("date", export.consent().date()),
							row("source", export.consent().source()),
							row("sourceDetail", export.consent().sourceDetail()),
							row("purpose", export.consent().purpose())));
			List<List<@Nullable String>> affiliations = new ArrayList<>();
			for (AffiliationView a : export.affiliations()) {
				affiliations.add(row(a.organizationId(), a.organizationName(), a.role(), a.primary(), a.startDate(),
						a.endDate()));
			}
			table(workbook.createSheet("Affiliations"), text,
					List.of("Organization id", "Organization", "Role", "Primary", "Start", "End"), affiliations);
			List<List<@Nullable String>> interactions = new ArrayList<>();
			for (InteractionView i : export.interactions()) {
				interactions.add(row(i.id(), i.occurredAt(), i.type(), i.direction(), i.organizationName(), i.subject(),
						i.summary(), i.outcome()));
			}
			table(workbook.createSheet("Interactions"), text,
					List.of("Id", "When (UTC)", "Type", "Direction", "Organization", "Subject", "Summary", "Outcome"),
					interactions);
			List<List<@Nullable String>> followUps = new ArrayList<>();
			for (FollowUpView f : export.followUps()) {
				followUps.add(row(f.id(), f.interactionId(), f.dueOn(), f.note(), f.completedAt()));
			}
			table(workbook.createSheet("Follow-ups"), text,
					List.of("Id", "Interaction", "Due on", "Note", "Completed at (UTC)"), followUps);
			List<List<@Nullable String>> meetings = new ArrayList<>();
			for (Participation p : export.meetings()) {
				meetings.add(row(p.meeting().id(), p.meeting().title(), p.meeting().startsAt(),
						p.invitation().organizationName(), p.invitation().status()));
			}
			table(workbook.createSheet("Meetings"), text,
					List.of("Meeting id", "Meeting", "Starts (UTC)", "Representing", "Status"), meetings);
			List<List<@Nullable String>> history = new ArrayList<>();
			for (HistoryEntry h : export.history()) {
				if (h.changes().isEmpty()) {
					history.add(row(h.at(), h.user(), h.source(), h.sourceRef(), h.entity().key(), h.entityId(),
							h.action(), null, null, null));
				}
				for (HistoryEntry.FieldChange change : h.changes()) {
					history.add(row(h.at(), h.user(), h.source(), h.sourceRef(), h.entity().key(), h.entityId(),
							h.action(), change.field(), change.before(), change.after()));
				}
			}
			table(workbook.createSheet("History"), text, List.of("When (UTC)", "Who", "Source", "Reference", "Record",
					"Id", "Action", "Field", "Before", "After"), history);
			workbook.write(out);
		}
	}

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static List<@Nullable String> row(@Nullable Object... values) {
		List<@Nullable String> row = new ArrayList<>();
		for (Object value : values) {
			row.add((value == null) ? null
					: (value instanceof Instant instant) ? UTC.format(instant) : value.toString());
		}
		return row;
	}

	private static void table(Sheet sheet, SpreadsheetText text, List<String> headers,
			List<List<@Nullable String>> rows) {
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			header.createCell(i).setCellValue(headers.get(i));
		}
		int r = 1;
		for (List<@Nullable String> values : rows) {
			Row row = sheet.createRow(r++);
			for (int i = 0; i < values.size(); i++) {
				text.set(row.createCell(i), values.get(i));
			}
		}
		sheet.createFreezePane(0, 1);
	}

}
