package org.outreachcrm.meetings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.outreachcrm.directory.ContactCard;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a meeting's delegations: status counts per organization come from one GROUP BY
 * over the invitations; the directory's facts place organizations in countries.
 */
@Component
class DelegationReader {

	private final NamedParameterJdbcTemplate jdbc;

	private final Organizations organizations;

	private final Contacts contacts;

	private final ScopeSql scope;

	DelegationReader(NamedParameterJdbcTemplate jdbc, Organizations organizations, Contacts contacts, ScopeSql scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.contacts = contacts;
	}

	Delegation read(MeetingView meeting) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", meeting.id());
		String inScope = this.scope.byOrganization("v", params);
		Map<Long, Map<InvitationStatus, Long>> counts = new HashMap<>();
		this.jdbc.query("""
				SELECT v.organization_id, v.status, COUNT(*) FROM invitation v WHERE v.meeting_id = :id""" + inScope
				+ " GROUP BY v.organization_id, v.status", params, (rs) -> {
					counts.computeIfAbsent(rs.getLong(1), (k) -> new EnumMap<>(InvitationStatus.class))
						.put(InvitationStatus.valueOf(rs.getString(2)), rs.getLong(3));
				});
		List<long[]> rows = new ArrayList<>();
		List<InvitationStatus> statuses = new ArrayList<>();
		this.jdbc
			.query("SELECT v.id, v.contact_id, v.organization_id, v.status FROM invitation v WHERE v.meeting_id = :id"
					+ inScope, params, (rs) -> {
						rows.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
						statuses.add(InvitationStatus.valueOf(rs.getString(4)));
					});
		Map<Long, OrganizationFacts> facts = new HashMap<>();
		this.organizations.facts(counts.keySet()).forEach((f) -> facts.put(f.id(), f));
		Map<Long, ContactCard> cards = new HashMap<>();
		this.contacts.cards(rows.stream().map((r) -> r[1]).toList()).forEach((c) -> cards.put(c.id(), c));

		Map<Long, List<Delegation.Person>> people = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			long[] row = rows.get(i);
			ContactCard card = cards.get(row[1]);
			people.computeIfAbsent(row[2], (k) -> new ArrayList<>())
				.add(new Delegation.Person(row[0], row[1], card == null ? "#" + row[1] : card.displayName(),
						card == null ? null : card.email(), statuses.get(i)));
		}
		Map<String, List<Delegation.Organization>> byCountry = new TreeMap<>();
		for (Map.Entry<Long, Map<InvitationStatus, Long>> entry : counts.entrySet()) {
			OrganizationFacts organization = facts.get(entry.getKey());
			String country = organization == null || organization.country() == null ? "" : organization.country();
			List<Delegation.Person> members = people.getOrDefault(entry.getKey(), new ArrayList<>());
			members.sort(Comparator.comparing(Delegation.Person::name));
			byCountry.computeIfAbsent(country, (k) -> new ArrayList<>())
				.add(new Delegation.Organization(entry.getKey(),
						organization == null ? "#" + entry.getKey() : organization.name(), entry.getValue(), members));
		}
		List<Delegation.Country> countries = new ArrayList<>();
		Map<InvitationStatus, Long> total = new EnumMap<>(InvitationStatus.class);
		long peopleTotal = 0;
		long organizationTotal = 0;
		for (Map.Entry<String, List<Delegation.Organization>> entry : byCountry.entrySet()) {
			List<Delegation.Organization> delegations = entry.getValue();
			delegations.sort(Comparator.comparing(Delegation.Organization::name));
			Map<InvitationStatus, Long> countryCounts = new EnumMap<>(InvitationStatus.class);
			delegations.forEach((d) -> d.statusCounts().forEach((s, n) -> countryCounts.merge(s, n, Long::sum)));
			countryCounts.forEach((s, n) -> total.merge(s, n, Long::sum));
			long countryPeople = countryCounts.values().stream().mapToLong(Long::longValue).sum();
			countries.add(new Delegation.Country(entry.getKey(), delegations.size(), countryPeople, countryCounts,
					delegations));
			peopleTotal += countryPeople;
			organizationTotal += delegations.size();
		}
		return new Delegation(meeting.id(), meeting.title(), organizationTotal, peopleTotal, total, countries);
	}

}
