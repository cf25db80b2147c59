package org.outreachcrm.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.SpreadsheetText;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A meeting's delegation as an XLSX workbook, and the meeting as an iCalendar file. */
@Service
@Transactional(readOnly = true)
public class MeetingExports {

	private static final String[] HEADERS = { "meeting.delegation.column.country",
			"meeting.delegation.column.organization", "meeting.delegation.column.person",
			"meeting.delegation.column.email", "meeting.delegation.column.status" };

	private final Meetings meetings;

	private final UserAccounts users;

	private final MessageSource messages;

	MeetingExports(Meetings meetings, UserAccounts users, MessageSource messages) {
		this.meetings = meetings;
		this.users = users;
		this.messages = messages;
	}

	/**
	 * One row per invited person: country, organization, person, email, status, with the
	 * headings, country names and statuses in the reader's language; text from users can
	 * never become a formula.
	 */
	public byte[] delegationWorkbook(long meetingId, Locale locale) {
		Delegation delegation = this.meetings.delegation(meetingId);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SpreadsheetText text = new SpreadsheetText(workbook);
			Sheet sheet = workbook.createSheet(
					WorkbookUtil.createSafeSheetName(this.messages.getMessage("meeting.delegation", null, locale)));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(this.messages.getMessage(HEADERS[i], null, locale));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (Delegation.Country country : delegation.countries()) {
				for (Delegation.Organization organization : country.delegations()) {
					for (Delegation.Person person : organization.people()) {
						Row row = sheet.createRow(r++);
						text.set(row.createCell(0), Countries.displayName(country.country(), locale));
						text.set(row.createCell(1), organization.name());
						text.set(row.createCell(2), person.name());
						text.set(row.createCell(3), person.email());
						text.set(row.createCell(4), this.messages.getMessage("InvitationStatus." + person.status(),
								null, person.status().name(), locale));
					}
				}
			}
			sheet.createFreezePane(0, 1);
			for (int i = 0; i < HEADERS.length; i++) {
				sheet.setColumnWidth(i, 30 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The meeting as one VEVENT with DTSTART/DTEND in the meeting's zone (TZID plus its
	 * VTIMEZONE), organizer and attendees with their participation status.
	 */
	public String calendar(long meetingId) {
		MeetingView meeting = this.meetings.get(meetingId);
		List<InvitationView> invitations = this.meetings.invitations(meetingId);
		Delegation delegation = this.meetings.delegation(meetingId);
		Map<Long, String> emails = new java.util.HashMap<>();
		delegation.countries()
			.forEach((c) -> c.delegations()
				.forEach((o) -> o.people().forEach((p) -> emails.put(p.contactId(), p.email()))));

		TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
		TimeZone zone = registry.getTimeZone(meeting.timeZone().getId());
		ZoneId zoneId = zone == null ? ZoneId.of("UTC") : meeting.timeZone();
		VEvent event = new VEvent(ZonedDateTime.ofInstant(meeting.startsAt(), zoneId),
				ZonedDateTime.ofInstant(meeting.endsAt(), zoneId), meeting.title());
		event.add(new Uid("meeting-" + meeting.id() + "@outreach-crm"));
		if (meeting.purpose() != null) {
			event.add(new Description(meeting.purpose()));
		}
		if (meeting.place() != null) {
			event.add(new Location(meeting.place()));
		}
		if (meeting.onlineLink() != null) {
			event.add(new Url(URI.create(meeting.onlineLink())));
			if (meeting.place() == null) {
				event.add(new Location(meeting.onlineLink()));
			}
		}
		UserView organizer = this.users.get(meeting.organizerId());
		Organizer organizerProperty = new Organizer(mailto(organizer.email(), "user-" + organizer.id()));
		organizerProperty.add(new Cn(organizer.displayName()));
		event.add(organizerProperty);
		for (InvitationView invitation : invitations) {
			Attendee attendee = new Attendee(
					mailto(emails.get(invitation.contactId()), "contact-" + invitation.contactId()));
			attendee
				.add(new Cn(invitation.contactName() == null ? "#" + invitation.contactId() : invitation.contactName()
						+ (invitation.organizationName() == null ? "" : " (" + invitation.organizationName() + ")")));
			attendee.add(Role.REQ_PARTICIPANT);
			attendee.add(partStat(invitation.status()));
			event.add(attendee);
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Outreach CRM//Meetings//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		if (zone != null) {
			calendar.add(zone.getVTimeZone());
		}
		calendar.add(event);
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fold(out.toString());
	}

	/**
	 * Folds content lines at 75 octets as RFC 5545 (3.1) requires. ical4j folds by
	 * characters, so a line of Polish or Romanian names could run to 82 octets: the
	 * output is unfolded and folded again by UTF-8 octets, never inside a character.
	 */
	static String fold(String calendar) {
		String unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
		StringBuilder folded = new StringBuilder(calendar.length() + 64);
		for (String line : unfolded.split("\r\n", -1)) {
			if (line.isEmpty()) {
				continue;
			}
			int octets = 0;
			int limit = MAX_OCTETS;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > limit) {
					// a continuation line starts with one space, which counts
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

	private static final int MAX_OCTETS = 75;

	// a no-show had said yes but did not come: for the calendar, they did not take part
	static PartStat partStat(InvitationStatus status) {
		return switch (status) {
			case INVITED -> PartStat.NEEDS_ACTION;
			case ACCEPTED, ATTENDED -> PartStat.ACCEPTED;
			case DECLINED, NO_SHOW -> PartStat.DECLINED;
			case TENTATIVE -> PartStat.TENTATIVE;
		};
	}

	// people without an email still need a calendar address; .invalid never resolves
	private static URI mailto(@Nullable String email, String fallback) {
		return URI.create("mailto:" + (email == null ? fallback + "@outreach-crm.invalid" : email));
	}

}
