package org.outreachcrm.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactCard;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans meetings, invites people for the organizations they represent, records their
 * answers and attendance, and describes the delegations.
 */
@Service
@Transactional
public class Meetings {

	private final MeetingRepository meetings;

	private final InvitationRepository invitations;

	private final AttendanceLog attendance;

	private final DelegationReader delegations;

	private final Organizations organizations;

	private final Contacts contacts;

	private final UserAccounts users;

	private final CurrentUser currentUser;

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scopeSql;

	private final Clock clock;

	Meetings(MeetingRepository meetings, InvitationRepository invitations, AttendanceLog attendance,
			DelegationReader delegations, Organizations organizations, Contacts contacts, UserAccounts users,
			CurrentUser currentUser, NamedParameterJdbcTemplate jdbc, ScopeSql scopeSql, Clock clock) {
		this.clock = clock;
		this.meetings = meetings;
		this.invitations = invitations;
		this.attendance = attendance;
		this.delegations = delegations;
		this.organizations = organizations;
		this.contacts = contacts;
		this.users = users;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.scopeSql = scopeSql;
	}

	public MeetingView create(MeetingRequest request) {
		Meeting meeting = new Meeting();
		meeting.apply(request, zoneOf(request), organizerOf(request));
		return this.meetings.saveAndFlush(meeting).toView();
	}

	@Transactional(readOnly = true)
	public MeetingView get(long id) {
		return find(id).toView();
	}

	/**
	 * Meetings, latest start first (a client's sort is ignored: it would name columns).
	 */
	@Transactional(readOnly = true)
	public Page<MeetingView> list(Pageable pageable) {
		return this.meetings.findAll(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				Sort.by(Sort.Order.desc("startsAt"), Sort.Order.desc("id"))))
			.map(Meeting::toView);
	}

	public MeetingView update(long id, MeetingRequest request) {
		Meeting meeting = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Meeting", id, request.version(), meeting.version());
		meeting.apply(request, zoneOf(request), organizerOf(request));
		return this.meetings.saveAndFlush(meeting).toView();
	}

	/**
	 * Removes a meeting and its invitations; interactions logged for it stay. A meeting
	 * with invitations (or logged attendance) of organizations outside the caller's scope
	 * is refused whole: deleting it would take those along unseen.
	 */
	public void delete(long id, @Nullable Long version) {
		Meeting meeting = find(id);
		if (version != null) {
			StaleVersionException.check("Meeting", id, version, meeting.version());
		}
		refuseWhenSharedOutsideScope(id);
		this.invitations.deleteAll(this.invitations.findByMeetingIdOrderById(id));
		this.jdbc.update("DELETE FROM meeting_interaction WHERE meeting_id = :id", Map.of("id", id));
		this.meetings.delete(meeting);
	}

	/** Every invitation of one person, with the meetings they were invited to. */
	@Transactional(readOnly = true)
	public List<Participation> participationOf(long contactId) {
		List<InvitationView> views = views(this.invitations.findByContactIdOrderById(contactId));
		return views.stream().map((v) -> new Participation(find(v.meetingId()).toView(), v)).toList();
	}

	@Transactional(readOnly = true)
	public List<InvitationView> invitations(long meetingId) {
		find(meetingId);
		return views(this.invitations.findByMeetingIdOrderById(meetingId));
	}

	/** Invites a person to represent an organization; each person once per meeting. */
	public InvitationView invite(long meetingId, InvitationRequest request) {
		find(meetingId);
		if (!this.contacts.exists(request.contactId())) {
			throw new BusinessRuleException("outreach.contact.unknown",
					"There is no contact with id " + request.contactId(), request.contactId());
		}
		if (!this.organizations.exists(request.organizationId())) {
			throw new BusinessRuleException("outreach.organization.unknown",
					"There is no organization with id " + request.organizationId(), request.organizationId());
		}
		if (this.invitations.countByMeetingAndContact(meetingId, request.contactId()) > 0) {
			throw new BusinessRuleException("meetings.invitation.duplicate",
					"This person is already invited to the meeting", request.contactId());
		}
		InvitationStatus status = request.status() == null ? InvitationStatus.INVITED : request.status();
		requireStartedFor(status, meetingId);
		Invitation invitation = this.invitations
			.saveAndFlush(new Invitation(meetingId, request.contactId(), request.organizationId(), status));
		if (status == InvitationStatus.ATTENDED) {
			this.attendance.log(find(meetingId).toView(), this.invitations.findByMeetingIdOrderById(meetingId));
		}
		return views(List.of(invitation)).get(0);
	}

	/**
	 * Changes the status of an invitation; ATTENDED logs (or completes) the EVENT
	 * interaction of the person's organization.
	 */
	public InvitationView changeInvitation(long meetingId, long invitationId, InvitationChange change) {
		Invitation invitation = this.invitations.findById(invitationId)
			.filter((i) -> i.meetingId() == meetingId)
			.orElseThrow(() -> new NotFoundException("Invitation", invitationId));
		StaleVersionException.check("Invitation", invitationId, change.version(), invitation.version());
		requireStartedFor(change.status(), meetingId);
		invitation.setStatus(change.status());
		invitation = this.invitations.saveAndFlush(invitation);
		if (change.status() == InvitationStatus.ATTENDED) {
			this.attendance.log(find(meetingId).toView(), this.invitations.findByMeetingIdOrderById(meetingId));
		}
		return views(List.of(invitation)).get(0);
	}

	/**
	 * Marks invited people as ATTENDED and logs one EVENT interaction per organization
	 * listing its attendees; recording again adds late attendees, never a second
	 * interaction.
	 */
	public Attendance recordAttendance(long meetingId, AttendanceRequest request) {
		MeetingView meeting = find(meetingId).toView();
		requireStartedFor(InvitationStatus.ATTENDED, meetingId);
		List<Invitation> all = this.invitations.findByMeetingIdOrderById(meetingId);
		for (Long contactId : request.contactIds()) {
			Invitation invitation = all.stream()
				.filter((i) -> i.contactId() == contactId)
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException("meetings.attendance.notInvited",
						"Contact " + contactId + " is not invited to this meeting", contactId));
			invitation.setStatus(InvitationStatus.ATTENDED);
		}
		this.invitations.flush();
		return this.attendance.log(meeting, all);
	}

	/**
	 * Invites several people at once, each for the organization given or, without one,
	 * the organization they work for now (their primary one first); with
	 * {@code everyoneOf}, also every person working for that organization now. People
	 * already invited are left as they are; the answer lists the new invitations.
	 */
	public List<InvitationView> inviteAll(long meetingId, BulkInvitation request) {
		find(meetingId);
		LocalDate today = LocalDate.now(this.clock);
		java.util.Map<Long, Long> wanted = new java.util.LinkedHashMap<>();
		for (Long contactId : request.contactIds()) {
			Long organization = request.organizationId() != null ? request.organizationId()
					: currentOrganization(contactId, today);
			if (organization == null) {
				throw new BusinessRuleException("meeting.invite.organizationRequired",
						"This person works for no organization now; choose the one they represent", contactId);
			}
			wanted.putIfAbsent(contactId, organization);
		}
		if (request.everyoneOf() != null) {
			if (!this.organizations.exists(request.everyoneOf())) {
				throw new BusinessRuleException("outreach.organization.unknown",
						"There is no organization with id " + request.everyoneOf(), request.everyoneOf());
			}
			this.contacts.affiliationsOfOrganization(request.everyoneOf())
				.stream()
				.filter((a) -> a.current(today))
				.forEach((a) -> wanted.putIfAbsent(a.contactId(), a.organizationId()));
		}
		if (wanted.isEmpty()) {
			throw new BusinessRuleException("meeting.invite.contactRequired", "Choose the people to invite");
		}
		java.util.Set<Long> invited = new java.util.HashSet<>();
		this.invitations.findByMeetingIdOrderById(meetingId).forEach((i) -> invited.add(i.contactId()));
		List<InvitationView> created = new ArrayList<>();
		for (java.util.Map.Entry<Long, Long> entry : wanted.entrySet()) {
			if (!invited.contains(entry.getKey())) {
				created.add(invite(meetingId, new InvitationRequest(entry.getKey(), entry.getValue(), null)));
			}
		}
		return created;
	}

	private @Nullable Long currentOrganization(long contactId, LocalDate today) {
		return this.contacts.affiliationsOfContact(contactId)
			.stream()
			.filter((a) -> a.current(today))
			.min(Comparator.comparing((AffiliationView a) -> !a.primary()))
			.map(AffiliationView::organizationId)
			.orElse(null);
	}

	/**
	 * Attendance (ATTENDED, NO_SHOW) is known only once a meeting has started: recorded
	 * earlier it would put a future EVENT on the timelines.
	 */
	private void requireStartedFor(InvitationStatus status, long meetingId) {
		if (status != InvitationStatus.ATTENDED && status != InvitationStatus.NO_SHOW) {
			return;
		}
		if (this.clock.instant().isBefore(find(meetingId).toView().startsAt())) {
			throw new BusinessRuleException("meeting.attendance.notStarted",
					"Attendance can be recorded once the meeting has started");
		}
	}

	@Transactional(readOnly = true)
	public Delegation delegation(long meetingId) {
		return this.delegations.read(find(meetingId).toView());
	}

	private List<InvitationView> views(List<Invitation> invitations) {
		Map<Long, String> people = new HashMap<>();
		this.contacts.cards(invitations.stream().map(Invitation::contactId).toList())
			.forEach((ContactCard c) -> people.put(c.id(), c.displayName()));
		Map<Long, String> names = new HashMap<>();
		this.organizations.facts(invitations.stream().map(Invitation::organizationId).toList())
			.forEach((OrganizationFacts f) -> names.put(f.id(), f.name()));
		return invitations.stream()
			.map((i) -> i.toView(people.get(i.contactId()), names.get(i.organizationId())))
			.toList();
	}

	private ZoneId zoneOf(MeetingRequest request) {
		if (!request.endsAt().isAfter(request.startsAt())) {
			throw new BusinessRuleException("meetings.endsBeforeStart", "A meeting must end after it starts");
		}
		return Interactions.zone(request.timeZone());
	}

	private long organizerOf(MeetingRequest request) {
		if (request.organizerId() == null) {
			return this.currentUser.id();
		}
		if (!this.users.exists(request.organizerId())) {
			throw new BusinessRuleException("outreach.user.unknownId",
					"There is no user with id " + request.organizerId(), request.organizerId());
		}
		return request.organizerId();
	}

	private void refuseWhenSharedOutsideScope(long meetingId) {
		if (this.scopeSql.current().all()) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", meetingId);
		String outsideInvitations = this.scopeSql.outsideByOrganization("i", params);
		String outsideAttendance = this.scopeSql.outsideByOrganization("mi", params);
		Long outside = this.jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM invitation i WHERE i.meeting_id = :id"
				+ outsideInvitations + ") + (SELECT COUNT(*) FROM meeting_interaction mi WHERE mi.meeting_id = :id"
				+ outsideAttendance + ")", params, Long.class);
		if (outside != null && outside > 0) {
			throw new OutOfScopeException("scope.meeting.shared",
					"The meeting also has invitations of organizations outside your countries", meetingId);
		}
	}

	Meeting find(long id) {
		return this.meetings.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
	}

}
