package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;

@FlowTest
class FollowUpsTest {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	@Autowired
	FollowUps followUps;

	@Autowired
	Interactions interactions;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	UserView staff;

	@BeforeEach
	void logIn() {
		// 23:30 UTC on 9 March is already 10 March in Warsaw
		this.clock.set(Instant.parse("2026-03-09T23:30:00Z"));
		this.staff = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.staff);
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void listsOverdueThenTodayThenUpcomingInTheUsersZone() {
		OrganizationDetails org = org("PL");
		FollowUpView upcoming = followUp(org, "2026-03-12", null);
		FollowUpView today = followUp(org, "2026-03-10", null);
		FollowUpView overdue = followUp(org, "2026-03-01", null);

		List<FollowUpView> mine = this.followUps.mine(WARSAW, PageRequest.of(0, 10)).getContent();

		assertThat(mine).extracting(FollowUpView::id).containsExactly(overdue.id(), today.id(), upcoming.id());
		assertThat(mine).extracting(FollowUpView::timing)
			.containsExactly(FollowUpTiming.OVERDUE, FollowUpTiming.TODAY, FollowUpTiming.UPCOMING);
		// in UTC it is still 9 March: 10 March is upcoming
		assertThat(this.followUps.mine(ZoneId.of("UTC"), PageRequest.of(0, 10)).getContent())
			.extracting(FollowUpView::timing)
			.containsExactly(FollowUpTiming.OVERDUE, FollowUpTiming.UPCOMING, FollowUpTiming.UPCOMING);
	}

	@Test
	void staffSeeOnlyTheirOwnAndManagersFilterByStaffAndCountry() {
		UserView other = Staff.create(this.users, Role.STAFF);
		UserView manager = Staff.create(this.users, Role.MANAGER);
		OrganizationDetails polish = org("PL");
		OrganizationDetails romanian = org("RO");
		FollowUpView mineInPoland = followUp(polish, "2026-03-11", null);
		FollowUpView othersInPoland = followUp(polish, "2026-03-11", other.id());
		FollowUpView othersInRomania = followUp(romanian, "2026-03-11", other.id());

		assertThat(
				this.followUps.list(new FollowUpQuery(null, null, WARSAW, false), PageRequest.of(0, 50)).getContent())
			.extracting(FollowUpView::id)
			.containsExactly(mineInPoland.id());
		assertThatThrownBy(
				() -> this.followUps.list(new FollowUpQuery(other.id(), null, WARSAW, false), PageRequest.of(0, 50)))
			.isInstanceOf(AccessDeniedException.class);

		Staff.actAs(manager);
		assertThat(this.followUps.list(new FollowUpQuery(other.id(), null, WARSAW, false), PageRequest.of(0, 50))
			.getContent()).extracting(FollowUpView::id)
			.containsExactlyInAnyOrder(othersInPoland.id(), othersInRomania.id());
		assertThat(this.followUps.list(new FollowUpQuery(other.id(), "RO", WARSAW, false), PageRequest.of(0, 50))
			.getContent()).extracting(FollowUpView::id).containsExactly(othersInRomania.id());
		assertThat(
				this.followUps.list(new FollowUpQuery(null, "PL", WARSAW, false), PageRequest.of(0, 200)).getContent())
			.extracting(FollowUpView::id)
			.contains(mineInPoland.id(), othersInPoland.id())
			.doesNotContain(othersInRomania.id());
	}

	@Test
	void completesWithANewInteractionInOneStep() {
		OrganizationDetails org = org("PL");
		FollowUpView open = followUp(org, "2026-03-10", null);
		InteractionRequest call = InteractionRequest.of(org.id(), List.of(), InteractionType.CALL,
				Instant.parse("2026-03-09T23:00:00Z"), "Europe/Warsaw", Direction.OUTBOUND, "Called back");

		FollowUpView done = this.followUps.complete(open.id(), new FollowUpCompletion(open.version(), call), WARSAW);

		assertThat(done.timing()).isEqualTo(FollowUpTiming.DONE);
		assertThat(done.completedAt()).isEqualTo(Instant.parse("2026-03-09T23:30:00Z"));
		assertThat(done.completedBy()).isEqualTo(this.staff.id());
		assertThat(this.interactions.get(done.completionInteractionId(), null).subject()).isEqualTo("Called back");
		assertThat(this.followUps.mine(WARSAW, PageRequest.of(0, 10)).getContent()).isEmpty();
	}

	@Test
	void refusedInteractionLeavesTheFollowUpOpen() {
		OrganizationDetails org = org("PL");
		FollowUpView open = followUp(org, "2026-03-10", null);
		InteractionRequest broken = InteractionRequest.of(org.id(), List.of(-1L), InteractionType.CALL,
				Instant.parse("2026-03-09T23:00:00Z"), null, Direction.OUTBOUND, "Called back");

		assertThatThrownBy(
				() -> this.followUps.complete(open.id(), new FollowUpCompletion(open.version(), broken), WARSAW))
			.isInstanceOf(BusinessRuleException.class);

		assertThat(this.followUps.get(open.id(), WARSAW).timing()).isEqualTo(FollowUpTiming.TODAY);
		assertThat(this.interactions
			.list(new InteractionQuery(org.id(), null, null, null, null, null), PageRequest.of(0, 10), null)
			.getTotalElements()).isEqualTo(1);
	}

	@Test
	void doneCanBeUndoneAndDoneOnesAreListedWithWhoCompletedThem() {
		OrganizationDetails org = org("PL");
		FollowUpView open = followUp(org, "2026-03-10", null);
		FollowUpView done = this.followUps.complete(open.id(), new FollowUpCompletion(open.version(), null), WARSAW);

		assertThat(this.followUps.done(null, WARSAW, PageRequest.of(0, 10)).getContent())
			.extracting(FollowUpView::id, FollowUpView::completedBy, FollowUpView::completedAt)
			.containsExactly(tuple(open.id(), this.staff.id(), this.clock.instant()));
		assertThatThrownBy(() -> this.followUps.reopen(open.id(), open.version(), WARSAW))
			.as("a stale version is refused")
			.isInstanceOf(org.outreachcrm.shared.StaleVersionException.class);

		FollowUpView reopened = this.followUps.reopen(open.id(), done.version(), WARSAW);

		assertThat(reopened.timing()).isEqualTo(FollowUpTiming.TODAY);
		assertThat(reopened.completedAt()).isNull();
		assertThat(this.followUps.done(null, WARSAW, PageRequest.of(0, 10)).getContent()).isEmpty();
		assertThatThrownBy(() -> this.followUps.reopen(open.id(), reopened.version(), WARSAW))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "outreach.followUp.open");
	}

	@Test
	void snoozesToTodayOrLaterOnlyInTheUsersZone() {
		OrganizationDetails org = org("PL");
		FollowUpView open = followUp(org, "2026-03-01", null);

		// 10 March in Warsaw: the 9th is past there
		assertThatThrownBy(
				() -> this.followUps.snooze(open.id(), open.version(), LocalDate.parse("2026-03-09"), WARSAW))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "outreach.followUp.snoozeInPast");
		FollowUpView moved = this.followUps.snooze(open.id(), open.version(), LocalDate.parse("2026-03-16"), WARSAW);

		assertThat(moved.dueOn()).isEqualTo(LocalDate.parse("2026-03-16"));
		assertThat(moved.timing()).isEqualTo(FollowUpTiming.UPCOMING);
	}

	@Test
	void reassignsOnlyToSomeoneWhoWorksWithTheOrganizationsCountry() {
		OrganizationDetails org = org("PL");
		FollowUpView open = followUp(org, "2026-03-12", null);
		String m = marker();
		UserView romania = this.users.create(new org.outreachcrm.accounts.NewUser("ro" + m, "Test-Passw0rd-" + m,
				"Ioana " + m, null, java.util.Set.of(Role.STAFF), java.util.Set.of("RO")));
		UserView poland = this.users.create(new org.outreachcrm.accounts.NewUser("pl" + m, "Test-Passw0rd-" + m,
				"Olga " + m, null, java.util.Set.of(Role.STAFF), java.util.Set.of("PL")));

		assertThatThrownBy(() -> this.followUps.reassign(open.id(), open.version(), romania.id(), WARSAW))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "outreach.followUp.assigneeOutOfScope");
		FollowUpView handed = this.followUps.reassign(open.id(), open.version(), poland.id(), WARSAW);

		assertThat(handed.assigneeId()).isEqualTo(poland.id());
		assertThatThrownBy(() -> this.followUps.get(open.id(), WARSAW))
			.as("staff handle only their own, and it is no longer theirs")
			.isInstanceOf(AccessDeniedException.class);
	}

	private OrganizationDetails org(String country) {
		return this.organizations.create(organization("Follow " + marker(), OrganizationType.NGO, country));
	}

	private FollowUpView followUp(OrganizationDetails org, String dueOn, Long assigneeId) {
		InteractionView logged = this.interactions.log(new InteractionRequest(org.id(), List.of(),
				InteractionType.EMAIL, Instant.parse("2026-03-01T10:00:00Z"), null, Direction.OUTBOUND, "Mail", null,
				null, null, null, null, new FollowUpRequest(LocalDate.parse(dueOn), assigneeId, "next"), null));
		long assignee = assigneeId == null ? this.staff.id() : assigneeId;
		return asManager(
				() -> this.followUps.list(new FollowUpQuery(assignee, null, WARSAW, false), PageRequest.of(0, 200))
					.getContent()
					.stream()
					.filter((f) -> f.interactionId() == logged.id())
					.findFirst()
					.orElseThrow());
	}

	private <T> T asManager(java.util.function.Supplier<T> action) {
		Staff.actAs(Staff.create(this.users, Role.MANAGER));
		try {
			return action.get();
		}
		finally {
			Staff.actAs(this.staff);
		}
	}

}
