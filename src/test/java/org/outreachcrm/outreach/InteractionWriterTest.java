package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.InteractionWriter.Pending;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * Group commit of the interactions posted to the API: a group is one transaction and one
 * audit revision, each request still gets its own answer or refusal, and a group the
 * database refuses is written request by request. Not rolled back: the writer's thread
 * only sees committed rows, and Envers writes history at commit; the rows the tests
 * create are removed after each.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class InteractionWriterTest {

	@Autowired
	InteractionWriter writer;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	InteractionDayCounts counts;

	UserView me;

	OrganizationDetails first;

	OrganizationDetails second;

	ContactDetails ada;

	String m;

	@BeforeEach
	void setUp() {
		this.m = marker();
		this.me = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.me);
		this.first = this.organizations.create(organization("Group First " + this.m, OrganizationType.NGO, "PL"));
		this.second = this.organizations.create(organization("Group Second " + this.m, OrganizationType.MEDIA, "RO"));
		this.ada = this.contacts.create(person("Ada", "Group " + this.m, this.m + "@group.example.org", "PL"));
	}

	@AfterEach
	void cleanUp() {
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM interaction WHERE subject LIKE ?", Long.class,
				"%" + this.m + "%");
		for (Long id : ids) {
			// the activity report's daily counts stay those of the rows left
			this.counts.uncountIds(id, id);
			this.jdbc.update("DELETE FROM follow_up WHERE interaction_id = ?", id);
			this.jdbc.update("DELETE FROM interaction_contact WHERE interaction_id = ?", id);
			this.jdbc.update("DELETE FROM interaction_tag WHERE interaction_id = ?", id);
			this.jdbc.update("DELETE FROM interaction WHERE id = ?", id);
		}
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id IN (?, ?)", this.first.id(),
				this.second.id());
		this.organizations.delete(this.first.id(), null);
		this.organizations.delete(this.second.id(), null);
		this.contacts.delete(this.ada.id(), null);
		Staff.logOut();
	}

	@Test
	void aGroupIsOneTransactionAndOneRevisionAndRefusesOnlyItsBadRequest() throws Exception {
		Pending call = this.writer.pending(
				request(this.first.id(), List.of(this.ada.id()), "Call", Instant.parse("2026-03-02T09:00:00Z"), null));
		Pending letter = this.writer.pending(request(this.second.id(), List.of(), "Letter",
				Instant.parse("2026-03-02T10:00:00Z"), new FollowUpRequest(LocalDate.of(2026, 3, 9), null, "Answer")));
		Pending unknown = this.writer
			.pending(request(Long.MAX_VALUE, List.of(), "Unknown", Instant.parse("2026-03-02T11:00:00Z"), null));
		Pending later = this.writer
			.pending(request(this.first.id(), List.of(), "Later", Instant.parse("2026-03-05T12:00:00Z"), null));
		Pending earlier = this.writer
			.pending(request(this.first.id(), List.of(), "Earlier", Instant.parse("2026-03-01T08:00:00Z"), null));

		this.writer.write(List.of(call, letter, unknown, later, earlier));

		assertThat(unknown.result().get().refusal()).isInstanceOf(BusinessRuleException.class)
			.hasMessage("There is no organization with id " + Long.MAX_VALUE);
		List<InteractionView> written = List.of(call.answer(), letter.answer(), later.answer(), earlier.answer());
		assertThat(written).extracting(InteractionView::subject)
			.containsExactly("Call " + this.m, "Letter " + this.m, "Later " + this.m, "Earlier " + this.m);
		assertThat(written).extracting(InteractionView::staffId).containsOnly(this.me.id());
		assertThat(call.answer().contactIds()).containsExactly(this.ada.id());
		assertThat(stored()).as("what is stored is what each request was answered")
			.containsExactlyInAnyOrderEntriesOf(
					Map.of(call.answer().id(), "Call " + this.m, letter.answer().id(), "Letter " + this.m,
							later.answer().id(), "Later " + this.m, earlier.answer().id(), "Earlier " + this.m));
		assertThat(this.jdbc.queryForObject("SELECT assignee_id FROM follow_up WHERE interaction_id = ?", Long.class,
				letter.answer().id()))
			.as("the follow-up's assignee defaults to the requesting user")
			.isEqualTo(this.me.id());

		List<Map<String, Object>> revisions = this.jdbc.queryForList(
				"""
						SELECT DISTINCT r.rev, r.username, r.source FROM interaction_aud a JOIN audit_revision r ON r.rev = a.rev
						WHERE a.id IN (?, ?, ?, ?)""",
				call.answer().id(), letter.answer().id(), later.answer().id(), earlier.answer().id());
		assertThat(revisions).as("one transaction, one audit revision, naming the login and the API").hasSize(1);
		assertThat(revisions.get(0)).containsEntry("username", this.me.username()).containsEntry("source", "API");

		assertThat(lastInteraction(this.first.id())).as("the latest of the group's interactions with the organization")
			.isEqualTo(Instant.parse("2026-03-05T12:00:00Z"));
		assertThat(lastInteraction(this.second.id())).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
	}

	@Test
	void aGroupTheDatabaseRefusesIsWrittenRequestByRequestSoOnlyTheFaultyOneFails() throws Exception {
		Pending before = this.writer
			.pending(request(this.first.id(), List.of(), "Before", Instant.parse("2026-03-02T09:00:00Z"), null));
		// bean validation (the API's @Valid) is bypassed here, so the column refuses it
		Pending tooLong = this.writer
			.pending(request(this.first.id(), List.of(), "x".repeat(400), Instant.parse("2026-03-02T10:00:00Z"), null));
		Pending after = this.writer
			.pending(request(this.second.id(), List.of(), "After", Instant.parse("2026-03-02T11:00:00Z"), null));

		this.writer.write(List.of(before, tooLong, after));

		assertThatThrownBy(tooLong::answer).isInstanceOf(DataAccessException.class);
		assertThat(stored()).containsOnlyKeys(before.answer().id(), after.answer().id());
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rev FROM interaction_aud WHERE id IN (?, ?)", Long.class,
				before.answer().id(), after.answer().id()))
			.as("written on their own: a revision each")
			.hasSize(2);
		assertThat(lastInteraction(this.first.id())).as("nothing of the refused request is kept")
			.isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
	}

	@Test
	void concurrentRequestsAreEachStoredOnceWithTheirOwnAnswer() throws Exception {
		DistributionSummary groups = this.meters.get("crm.interactions.group.size").summary();
		long groupsBefore = groups.count();
		double writtenBefore = groups.totalAmount();
		int requests = 24;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<InteractionView>> answers = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < requests; i++) {
				long organization = (i % 2 == 0) ? this.first.id() : this.second.id();
				InteractionRequest request = request(organization, List.of(), "Concurrent " + i,
						Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), null);
				answers.add(clients.submit(() -> {
					Staff.actAs(this.me);
					try {
						start.await();
						return this.writer.log(request);
					}
					finally {
						Staff.logOut();
					}
				}));
			}
			start.countDown();
			Set<Long> ids = new HashSet<>();
			for (int i = 0; i < requests; i++) {
				InteractionView answer = answers.get(i).get();
				assertThat(answer.subject()).isEqualTo("Concurrent " + i + " " + this.m);
				ids.add(answer.id());
			}
			Map<Long, String> stored = stored();
			assertThat(ids).hasSize(requests);
			assertThat(stored).hasSize(requests);
			for (int i = 0; i < requests; i++) {
				assertThat(stored.get(answers.get(i).get().id())).isEqualTo("Concurrent " + i + " " + this.m);
			}
		}
		finally {
			clients.shutdownNow();
		}
		long groupsWritten = groups.count() - groupsBefore;
		assertThat(groups.totalAmount() - writtenBefore).as("every request went through the writer")
			.isEqualTo(requests);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(DISTINCT a.rev) FROM interaction_aud a JOIN interaction i ON i.id = a.id
				WHERE i.subject LIKE ?""", Long.class, "%" + this.m)).as("one revision per group written")
			.isEqualTo(groupsWritten);
		assertThat(lastInteraction(this.second.id())).isEqualTo(Instant.parse("2026-03-02T09:00:23Z"));
	}

	@Test
	void aCallerInATransactionOrAStoppedWriterWritesInTheCallersThread() {
		DistributionSummary groups = this.meters.get("crm.interactions.group.size").summary();
		long groupsBefore = groups.count();

		InteractionView inTransaction = this.transactions.execute((status) -> {
			InteractionView view = this.writer.log(
					request(this.first.id(), List.of(), "In transaction", Instant.parse("2026-03-02T09:00:00Z"), null));
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM interaction WHERE id = ?", Long.class, view.id()))
				.as("visible in the caller's own transaction before it commits")
				.isEqualTo(1);
			return view;
		});
		this.writer.stop();
		InteractionView whileStopped;
		try {
			assertThat(this.writer.isRunning()).isFalse();
			whileStopped = this.writer
				.log(request(this.first.id(), List.of(), "While stopped", Instant.parse("2026-03-02T10:00:00Z"), null));
		}
		finally {
			this.writer.start();
		}

		assertThat(this.writer.isRunning()).isTrue();
		assertThat(groups.count()).as("neither went through the writer").isEqualTo(groupsBefore);
		assertThat(stored()).containsOnlyKeys(inTransaction.id(), whileStopped.id());
	}

	@Test
	void aRefusedRequestAloneIsAnsweredWithItsRefusal() {
		assertThatThrownBy(() -> this.writer.log(request(this.first.id(), List.of(Long.MAX_VALUE), "Nobody",
				Instant.parse("2026-03-02T09:00:00Z"), null)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("There is no contact with id [" + Long.MAX_VALUE + "]");
		assertThat(stored()).isEmpty();
	}

	private InteractionRequest request(long organizationId, List<Long> contactIds, String subject, Instant at,
			FollowUpRequest followUp) {
		return new InteractionRequest(organizationId, contactIds, InteractionType.CALL, at, "Europe/Warsaw",
				Direction.OUTBOUND, subject + " " + this.m, null, null, null, null, Set.of(), followUp, null);
	}

	private Map<Long, String> stored() {
		Map<Long, String> stored = new java.util.HashMap<>();
		this.jdbc.query("SELECT id, subject FROM interaction WHERE subject LIKE ?", (rs) -> {
			stored.put(rs.getLong("id"), rs.getString("subject"));
		}, "%" + this.m + "%");
		return stored;
	}

	private Instant lastInteraction(long organizationId) {
		return this.jdbc
			.queryForObject("SELECT last_interaction_at FROM outreach_organization WHERE organization_id = ?",
					java.sql.Timestamp.class, organizationId)
			.toLocalDateTime()
			.toInstant(java.time.ZoneOffset.UTC);
	}

}
