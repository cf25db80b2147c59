package org.outreachcrm.outreach;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactCard;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs, changes, lists and removes interactions with organizations and their people; an
 * interaction may set a follow-up.
 */
@Service
@Transactional
public class Interactions {

	private final InteractionRepository interactions;

	private final FollowUpRepository followUps;

	private final CampaignRepository campaigns;

	private final Organizations organizations;

	private final Contacts contacts;

	private final UserAccounts users;

	private final CurrentUser currentUser;

	private final OrganizationActivity activity;

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	private final InteractionDayCounts dayCounts;

	Interactions(InteractionRepository interactions, FollowUpRepository followUps, CampaignRepository campaigns,
			Organizations organizations, Contacts contacts, UserAccounts users, CurrentUser currentUser,
			OrganizationActivity activity, NamedParameterJdbcTemplate jdbc, ScopeSql scope,
			InteractionDayCounts dayCounts) {
		this.scope = scope;
		this.dayCounts = dayCounts;
		this.interactions = interactions;
		this.followUps = followUps;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.contacts = contacts;
		this.users = users;
		this.currentUser = currentUser;
		this.activity = activity;
		this.jdbc = jdbc;
	}

	/**
	 * Logs an interaction (the staff member defaults to the current user) and the
	 * follow-up it sets, if any.
	 */
	public InteractionView log(InteractionRequest request) {
		return logAll(List.of(new Submission(request, this.currentUser::id))).get(0).orThrow();
	}

	/**
	 * Logs several interactions in the current transaction: what they refer to is looked
	 * up once for all of them, their rows are written in batches and each organization's
	 * last contact is updated once. A request whose references or time zone are refused
	 * gets its refusal in its place of the answer and writes nothing; the others are
	 * logged. Errors of the database end the whole transaction.
	 */
	public List<Logged> logAll(List<Submission> submissions) {
		References references = lookUp(submissions.stream().map(Submission::request).toList(), true);
		// per request: the refusal, or the interaction saved (its rows go in one flush)
		List<Object> outcomes = new ArrayList<>(submissions.size());
		List<OrganizationActivity.Contact> contacts = new ArrayList<>();
		for (Submission submission : submissions) {
			try {
				outcomes.add(save(submission, references, contacts));
			}
			catch (BusinessRuleException refused) {
				outcomes.add(new Logged(null, refused));
			}
		}
		this.interactions.flush();
		this.activity.logged(contacts);
		// last: the day's count rows are shared by every writer, locked until commit
		this.dayCounts.change(List.of(),
				outcomes.stream()
					.filter(Saved.class::isInstance)
					.map((o) -> InteractionDayCounts.Counted.of(((Saved) o).interaction()))
					.toList());
		return outcomes.stream()
			.map((o) -> (o instanceof Saved saved)
					? new Logged(saved.interaction().toView(saved.organization().name(), saved.interaction().zone()),
							null)
					: (Logged) o)
			.toList();
	}

	/**
	 * Checks one request against the group's references and saves its interaction and
	 * follow-up (written at the next flush); the organization's contact goes to
	 * {@code contacts}.
	 */
	private Saved save(Submission submission, References references, List<OrganizationActivity.Contact> contacts) {
		InteractionRequest request = submission.request();
		OrganizationFacts organization = references.check(request);
		ZoneId zone = zone(request.timeZone());
		long staff = request.staffId() == null ? submission.currentUser().getAsLong() : request.staffId();
		long assignee = 0;
		if (request.followUp() != null) {
			Long named = request.followUp().assigneeId();
			if (named != null) {
				references.checkUser(named);
			}
			assignee = (named != null) ? named : submission.currentUser().getAsLong();
		}
		Interaction interaction = new Interaction();
		interaction.apply(request, zone, staff, organization.country());
		interaction = this.interactions.save(interaction);
		if (request.followUp() != null) {
			FollowUpRequest followUp = request.followUp();
			this.followUps.save(new FollowUp(interaction.id(), organization.id(), organization.country(),
					followUp.dueOn(), assignee, followUp.note()));
		}
		contacts
			.add(new OrganizationActivity.Contact(organization.id(), organization.createdAt(), request.occurredAt()));
		return new Saved(interaction, organization);
	}

	private record Saved(Interaction interaction, OrganizationFacts organization) {
	}

	/**
	 * A request to log an interaction and whom it comes from: the current user, the
	 * default staff member and follow-up assignee, asked for only when the request names
	 * neither.
	 */
	public record Submission(InteractionRequest request, LongSupplier currentUser) {
	}

	/** A logged interaction, or why its request was refused. */
	public record Logged(@Nullable InteractionView view, @Nullable RuntimeException refusal) {

		/** The view, else the refusal thrown. */
		public InteractionView orThrow() {
			if (this.refusal != null) {
				throw this.refusal;
			}
			return Objects.requireNonNull(this.view);
		}

	}

	/**
	 * An interaction, with its time shown in {@code viewerZone} (its own zone if null).
	 */
	@Transactional(readOnly = true)
	public InteractionView get(long id, @Nullable ZoneId viewerZone) {
		Interaction interaction = find(id);
		return interaction.toView(organizationName(interaction.organizationId()),
				viewerZone == null ? interaction.zone() : viewerZone);
	}

	/** Changes an interaction based on {@code request.version()}; follow-ups stay. */
	public InteractionView update(long id, InteractionRequest request) {
		Interaction interaction = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Interaction", id, request.version(), interaction.version());
		long previousOrganization = interaction.organizationId();
		InteractionDayCounts.Counted before = InteractionDayCounts.Counted.of(interaction);
		// people outside the caller's countries stay on the interaction: the caller can
		// neither name nor remove them
		Set<Long> hiddenPeople = new HashSet<>(interaction.contactIdList());
		if (!hiddenPeople.isEmpty()) {
			this.contacts.cards(hiddenPeople).forEach((card) -> hiddenPeople.remove(card.id()));
		}
		OrganizationFacts organization = lookUp(List.of(request), false).check(request, hiddenPeople);
		ZoneId zone = zone(request.timeZone());
		// without a staff member the interaction keeps its own, not the editor
		long staff = request.staffId() == null ? interaction.staffId() : request.staffId();
		interaction.apply(request, zone, staff, organization.country());
		interaction.addContacts(hiddenPeople);
		interaction = this.interactions.saveAndFlush(interaction);
		this.activity.refresh(organization.id(), organization.createdAt());
		if (previousOrganization != organization.id()) {
			refreshActivity(previousOrganization);
		}
		this.dayCounts.change(List.of(before), List.of(InteractionDayCounts.Counted.of(interaction)));
		return interaction.toView(organization.name(), zone);
	}

	/**
	 * Removes an interaction and its follow-ups; with a version, a stale one is refused.
	 */
	public void delete(long id, @Nullable Long version) {
		Interaction interaction = find(id);
		if (version != null) {
			StaleVersionException.check("Interaction", id, version, interaction.version());
		}
		this.interactions.delete(interaction);
		this.interactions.flush();
		refreshActivity(interaction.organizationId());
		this.dayCounts.change(List.of(InteractionDayCounts.Counted.of(interaction)), List.of());
	}

	/**
	 * The given interactions that the current user may see, by id, with their times in
	 * {@code viewerZone}; others are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, InteractionView> views(Collection<Long> ids, ZoneId viewerZone) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Interaction> found = this.interactions.findAllById(ids);
		Map<Long, String> names = organizationNames(
				found.stream().map(Interaction::organizationId).collect(Collectors.toSet()));
		Map<Long, InteractionView> views = new HashMap<>();
		found.forEach((i) -> views.put(i.id(), i.toView(names.get(i.organizationId()), viewerZone)));
		return views;
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.interactions.existsById(id);
	}

	/** Adds people to an interaction (meetings list attendees who arrive later). */
	public InteractionView addContacts(long id, Collection<Long> contactIds) {
		Interaction interaction = find(id);
		checkContacts(contactIds);
		interaction.addContacts(new HashSet<>(contactIds));
		interaction = this.interactions.saveAndFlush(interaction);
		return interaction.toView(organizationName(interaction.organizationId()), interaction.zone());
	}

	/** Interactions matching the filters, newest first. */
	@Transactional(readOnly = true)
	public Page<InteractionView> list(InteractionQuery query, Pageable pageable, @Nullable ZoneId viewerZone) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(query, params);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM interaction i" + where, params, Long.class);
		if (total == null || total == 0) {
			return Page.empty(pageable);
		}
		return new PageImpl<>(page(where, params, pageable.getPageSize(), pageable.getOffset(), viewerZone), pageable,
				total);
	}

	/**
	 * The newest {@code limit} interactions {@link #list} would list first, without
	 * counting them all (the home page shows a few and no pager).
	 */
	@Transactional(readOnly = true)
	public List<InteractionView> latest(InteractionQuery query, int limit, @Nullable ZoneId viewerZone) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return page(where(query, params), params, limit, 0, viewerZone);
	}

	private String where(InteractionQuery query, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.byOrganization("i", params));
		if (query.organizationId() != null) {
			where.append(" AND i.organization_id = :organizationId");
			params.addValue("organizationId", query.organizationId());
		}
		if (query.contactId() != null) {
			// a person out of sight answers as one that does not exist
			where.append(" AND i.id IN (SELECT c.interaction_id FROM interaction_contact c JOIN contact cc"
					+ " ON cc.id = c.contact_id WHERE c.contact_id = :contactId" + this.scope.contacts("cc", params)
					+ ")");
			params.addValue("contactId", query.contactId());
		}
		if (query.campaignId() != null) {
			where.append(" AND i.campaign_id = :campaignId");
			params.addValue("campaignId", query.campaignId());
		}
		if (query.type() != null) {
			where.append(" AND i.type = :type");
			params.addValue("type", query.type().name());
		}
		if (query.staffId() != null) {
			where.append(" AND i.staff_id = :staffId");
			params.addValue("staffId", query.staffId());
		}
		if (query.from() != null) {
			where.append(" AND i.occurred_at >= :from");
			params.addValue("from", OrganizationActivity.utc(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND i.occurred_at < :to");
			params.addValue("to", OrganizationActivity.utc(query.to()));
		}
		return where.toString();
	}

	private List<InteractionView> page(String where, MapSqlParameterSource params, int limit, long offset,
			@Nullable ZoneId viewerZone) {
		params.addValue("limit", limit).addValue("offset", offset);
		List<Long> ids = this.jdbc.queryForList("SELECT i.id FROM interaction i" + where
				+ " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :limit OFFSET :offset", params, Long.class);
		Map<Long, Interaction> byId = this.interactions.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Interaction::id, Function.identity()));
		Map<Long, String> names = organizationNames(
				byId.values().stream().map(Interaction::organizationId).collect(Collectors.toSet()));
		List<InteractionView> content = ids.stream()
			.map(byId::get)
			.map((i) -> i.toView(names.get(i.organizationId()), viewerZone == null ? i.zone() : viewerZone))
			.toList();
		return content;
	}

	/** Parses a zone id; {@code null} or blank means UTC. */
	public static ZoneId zone(@Nullable String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException ex) {
			throw new BusinessRuleException("outreach.timeZone.unknown",
					"Unknown time zone " + timeZone + "; use an IANA id such as Europe/Warsaw", timeZone);
		}
	}

	Interaction find(long id) {
		return this.interactions.findById(id).orElseThrow(() -> new NotFoundException("Interaction", id));
	}

	/**
	 * Looks up what the requests refer to, one statement per kind (organizations in the
	 * current user's scope, contacts, users, campaigns); {@code assignees}: follow-up
	 * assignees too.
	 */
	private References lookUp(List<InteractionRequest> requests, boolean assignees) {
		Set<Long> organizationIds = new HashSet<>();
		Set<Long> contactIds = new HashSet<>();
		Set<Long> userIds = new HashSet<>();
		Set<Long> campaignIds = new HashSet<>();
		for (InteractionRequest request : requests) {
			organizationIds.add(request.organizationId());
			if (request.contactIds() != null) {
				contactIds.addAll(request.contactIds());
			}
			if (request.staffId() != null) {
				userIds.add(request.staffId());
			}
			if (assignees && request.followUp() != null && request.followUp().assigneeId() != null) {
				userIds.add(request.followUp().assigneeId());
			}
			if (request.campaignId() != null) {
				campaignIds.add(request.campaignId());
			}
		}
		Map<Long, OrganizationFacts> organizations = new HashMap<>();
		this.organizations.facts(organizationIds).forEach((f) -> organizations.put(f.id(), f));
		Set<Long> contacts = contactIds.isEmpty() ? Set.of()
				: this.contacts.cards(contactIds).stream().map(ContactCard::id).collect(Collectors.toSet());
		Set<Long> users = userIds.stream().filter(this.users::exists).collect(Collectors.toSet());
		Set<Long> campaigns = campaignIds.stream().filter(this.campaigns::existsById).collect(Collectors.toSet());
		return new References(organizations, contacts, users, campaigns);
	}

	/** What a group of requests refers to and exists (organizations in scope). */
	private record References(Map<Long, OrganizationFacts> organizations, Set<Long> contacts, Set<Long> users,
			Set<Long> campaigns) {

		OrganizationFacts check(InteractionRequest request) {
			return check(request, Set.of());
		}

		/**
		 * {@code kept}: people already on the interaction, named even if out of sight.
		 */
		OrganizationFacts check(InteractionRequest request, Set<Long> kept) {
			OrganizationFacts organization = this.organizations.get(request.organizationId());
			if (organization == null) {
				throw unknownOrganization(request.organizationId());
			}
			if (request.contactIds() != null) {
				Set<Long> unknown = new HashSet<>(request.contactIds());
				unknown.removeAll(this.contacts);
				unknown.removeAll(kept);
				if (!unknown.isEmpty()) {
					throw unknownContacts(unknown);
				}
			}
			if (request.staffId() != null) {
				checkUser(request.staffId());
			}
			if (request.campaignId() != null && !this.campaigns.contains(request.campaignId())) {
				throw new BusinessRuleException("outreach.campaign.unknown",
						"There is no campaign with id " + request.campaignId(), request.campaignId());
			}
			return organization;
		}

		void checkUser(long userId) {
			if (!this.users.contains(userId)) {
				throw unknownUser(userId);
			}
		}

	}

	OrganizationFacts facts(long organizationId) {
		List<OrganizationFacts> facts = this.organizations.facts(List.of(organizationId));
		if (facts.isEmpty()) {
			throw unknownOrganization(organizationId);
		}
		return facts.get(0);
	}

	private void checkContacts(Collection<Long> contactIds) {
		Set<Long> wanted = new HashSet<>(contactIds);
		Set<Long> found = this.contacts.cards(wanted).stream().map(ContactCard::id).collect(Collectors.toSet());
		wanted.removeAll(found);
		if (!wanted.isEmpty()) {
			throw unknownContacts(wanted);
		}
	}

	void checkUser(long userId) {
		if (!this.users.exists(userId)) {
			throw unknownUser(userId);
		}
	}

	private static BusinessRuleException unknownOrganization(long organizationId) {
		return new BusinessRuleException("outreach.organization.unknown",
				"There is no organization with id " + organizationId, organizationId);
	}

	private static BusinessRuleException unknownContacts(Set<Long> contactIds) {
		Set<Long> sorted = new TreeSet<>(contactIds);
		return new BusinessRuleException("outreach.contact.unknown", "There is no contact with id " + sorted,
				sorted.toString());
	}

	private static BusinessRuleException unknownUser(long userId) {
		return new BusinessRuleException("outreach.user.unknownId", "There is no user with id " + userId, userId);
	}

	private void refreshActivity(long organizationId) {
		List<OrganizationFacts> facts = this.organizations.facts(List.of(organizationId));
		if (!facts.isEmpty()) {
			this.activity.refresh(organizationId, facts.get(0).createdAt());
		}
	}

	private @Nullable String organizationName(long organizationId) {
		return organizationNames(Set.of(organizationId)).get(organizationId);
	}

	private Map<Long, String> organizationNames(Set<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.organizations.facts(ids).forEach((f) -> names.put(f.id(), f.name()));
		return names;
	}

}
