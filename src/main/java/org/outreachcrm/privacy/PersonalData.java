package org.outreachcrm.privacy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.RecordHistory;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.PersonToErase;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.PersonalOutreach;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's data rights: the export of everything held about them, and erasure. An
 * erasure runs in one transaction: the directory anonymizes the person and publishes
 * {@code PersonErased}, every module removes its copies while handling it, and the log
 * line is written; any failure rolls all of it back, so a person is never half-erased.
 */
@Service
@Transactional
public class PersonalData {

	private final Contacts contacts;

	private final PersonalOutreach outreach;

	private final Meetings meetings;

	private final RecordHistory history;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ErasureScope scope;

	private final DeletedPeople deletedPeople;

	PersonalData(Contacts contacts, PersonalOutreach outreach, Meetings meetings, RecordHistory history,
			JdbcClient jdbc, Clock clock, ErasureScope scope, DeletedPeople deletedPeople) {
		this.scope = scope;
		this.deletedPeople = deletedPeople;
		this.contacts = contacts;
		this.outreach = outreach;
		this.meetings = meetings;
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PersonalDataExport export(long contactId) {
		this.scope.check(contactId);
		ContactDetails contact = this.contacts.get(contactId);
		return new PersonalDataExport(this.clock.instant(), currentUser(), contact, contact.consent(),
				contact.affiliations(), this.outreach.interactionsOf(contactId), this.outreach.followUpsOf(contactId),
				this.meetings.participationOf(contactId),
				this.history.contact(contactId, contact.affiliations().stream().map((a) -> a.id()).toList()));
	}

	/**
	 * The person an admin is about to erase (living, or deleted earlier and known from
	 * the history); 404 outside the caller's country scope.
	 */
	@Transactional(readOnly = true)
	public PersonToErase personToErase(long contactId) {
		this.scope.check(contactId);
		return this.contacts.personToErase(contactId);
	}

	/**
	 * People deleted earlier and not erased yet whose name or e-mail contained
	 * {@code text}, within the caller's country scope, newest deletion first, at most
	 * {@code limit}: a deleted person has no page to start an erasure from.
	 */
	@Transactional(readOnly = true)
	public List<DeletedPerson> findDeleted(String text, int limit) {
		return this.deletedPeople.find(text, limit);
	}

	/**
	 * Erases the person's data everywhere and logs who did it and when; 404 outside the
	 * caller's country scope (a deleted person by their last known country and
	 * affiliations).
	 */
	public void erase(long contactId) {
		this.scope.check(contactId);
		// read before the erasure overwrites the history the countries come from
		String countries = String.join(",", this.scope.countriesOf(contactId));
		AuditSource.run(ChangeSource.ERASURE, String.valueOf(contactId), () -> this.contacts.erase(contactId));
		this.jdbc.sql("INSERT INTO person_erasure (contact_id, erased_by, erased_at, countries) VALUES (?, ?, ?, ?)")
			.params(contactId, currentUser(), LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC),
					countries.isEmpty() ? null : countries)
			.update();
	}

	/**
	 * The erasure log, newest first: for an admin limited to some countries, the erasures
	 * of people who belonged to one of them, and their own.
	 */
	@Transactional(readOnly = true)
	public List<ErasureView> erasures() {
		String me = currentUser();
		return this.jdbc
			.sql("SELECT id, contact_id, erased_by, erased_at, countries FROM person_erasure ORDER BY id DESC")
			.query((rs,
					n) -> new LoggedErasure(new ErasureView(rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)), rs.getString(5)))
			.stream()
			.filter((logged) -> logged.erasure().erasedBy().equals(me) || this.scope.covers(logged.countries()))
			.map(LoggedErasure::erasure)
			.toList();
	}

	private record LoggedErasure(ErasureView erasure, @Nullable String countries) {
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || !authentication.isAuthenticated()) ? "system" : authentication.getName();
	}

}
