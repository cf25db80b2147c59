package org.outreachcrm.home.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.ColdOrganization;
import org.outreachcrm.outreach.ColdOrganizations;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The home page on the database: staff see their own organizations going cold (not every
 * one in their countries), "today" is the day in the user's saved zone, and the world
 * map's geometry comes from the app itself.
 */
@FlowTest
class HomePageTest {

	static final Instant T0 = Instant.parse("1988-03-01T09:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	UserZones zones;

	@Autowired
	Organizations organizations;

	@Autowired
	Interactions interactions;

	@Autowired
	ColdOrganizations cold;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void staffSeeOnlyTheirOwnOrganizationsGoingCold() {
		UserView me = Staff.create(this.users, Role.STAFF);
		UserView colleague = Staff.create(this.users, Role.STAFF);
		this.clock.set(T0);
		OrganizationDetails talkedTo = create("Talked to");
		OrganizationDetails theirs = create("Theirs");
		OrganizationDetails followedByMe = create("Followed by me");
		OrganizationDetails neverContacted = create("Never contacted");
		Staff.actAs(me);
		log(talkedTo, null);
		Staff.actAs(colleague);
		log(theirs, null);
		log(followedByMe, new FollowUpRequest(LocalDate.of(1988, 12, 1), me.id(), "Call them back"));
		Staff.logOut();
		this.clock.set(T0.plus(Duration.ofDays(200)));

		MvcTestResult home = this.mvc.get().uri("/").with(user(me.username()).roles("STAFF")).exchange();

		assertThat(home).hasStatusOk();
		assertThat(home).bodyText()
			.contains("My organizations going cold", talkedTo.name(), followedByMe.name())
			.doesNotContain(theirs.name(), neverContacted.name());
		// the full list stays as it was: every organization going cold in the scope
		Staff.actAs(me);
		// the home page's first few, read without counting, are mine()'s first few
		for (int limit = 1; limit <= 3; limit++) {
			assertThat(this.cold.coldestOfMine(me.id(), limit))
				.isEqualTo(this.cold.mine(me.id(), PageRequest.of(0, limit)).getContent());
		}
		assertThat(this.cold.list(null, PageRequest.of(0, 1000)).getContent()).extracting(ColdOrganization::name)
			.contains(talkedTo.name(), theirs.name(), followedByMe.name(), neverContacted.name());
	}

	@Test
	void staffSeeTheirOwnRecentInteractionsHoweverBusyTheirColleaguesWere() {
		UserView me = Staff.create(this.users, Role.STAFF);
		UserView colleague = Staff.create(this.users, Role.STAFF);
		this.clock.set(T0);
		OrganizationDetails partner = create("Busy partner");
		String mine = "My call " + marker();
		Staff.actAs(me);
		log(partner, null, mine);
		// after it, more interactions by a colleague than the page could ever list
		Staff.actAs(colleague);
		for (int i = 0; i < 210; i++) {
			this.clock.set(T0.plus(Duration.ofMinutes(i + 1)));
			log(partner, null, "Their call " + i);
		}
		Staff.logOut();
		this.clock.set(T0.plus(Duration.ofDays(1)));

		MvcTestResult home = this.mvc.get().uri("/").with(user(me.username()).roles("STAFF")).exchange();

		assertThat(home).hasStatusOk();
		assertThat(home).bodyText().contains(mine).doesNotContain("Their call");
	}

	@Test
	void todayIsTheDayInTheUsersSavedZoneWhateverTheBrowserSays() {
		UserView me = Staff.create(this.users, Role.STAFF);
		// 2026-01-15 12:00 UTC is already 2026-01-16 02:00 on Kiritimati (UTC+14)
		this.zones.use(me.username(), ZoneId.of("Pacific/Kiritimati"));
		Staff.actAs(me);
		log(create("Due on the 16th"), new FollowUpRequest(LocalDate.of(2026, 1, 16), null, null));
		log(create("Due on the 17th"), new FollowUpRequest(LocalDate.of(2026, 1, 17), null, null));
		Staff.logOut();

		MvcTestResult home = this.mvc.get()
			.uri("/")
			.cookie(new Cookie("tz", "UTC"))
			.with(user(me.username()).roles("STAFF"))
			.exchange();

		assertThat(home).hasStatusOk();
		// one follow-up due "today": the 16th on Kiritimati (in UTC it would be tomorrow)
		assertThat(home).bodyText()
			.containsOnlyOnce("id=\"home-follow-up-")
			.contains("16 Jan 2026")
			.doesNotContain("17 Jan 2026", "Nothing is due today.");
	}

	@Test
	void theWorldMapsGeometryAndItsReaderAreServedByTheApp() {
		UserView manager = Staff.create(this.users, Role.MANAGER);
		MvcTestResult home = this.mvc.get().uri("/").with(user(manager.username()).roles("MANAGER")).exchange();
		assertThat(home).bodyText()
			.contains("src=\"/vendor/topojson-client-3.1.0/topojson-client.min.js\"", "hx-get=\"/home/countries\"")
			.doesNotContain("/geo/world.json");
		// the map itself comes with the organizations per country, after the page
		MvcTestResult countries = this.mvc.get()
			.uri("/home/countries")
			.header("HX-Request", "true")
			.with(user(manager.username()).roles("MANAGER"))
			.exchange();
		assertThat(countries).bodyText()
			.contains("data-geo=\"/vendor/world-atlas-2.0.2/countries-110m.json\"")
			.doesNotContain("/geo/world.json");

		MvcTestResult geometry = this.mvc.get()
			.uri("/vendor/world-atlas-2.0.2/countries-110m.json")
			.with(user(manager.username()).roles("MANAGER"))
			.exchange();
		assertThat(geometry).hasStatusOk();
		assertThat(geometry).bodyText().startsWith("{\"type\":\"Topology\"").contains("\"name\":\"Poland\"");
		MvcTestResult reader = this.mvc.get()
			.uri("/vendor/topojson-client-3.1.0/topojson-client.min.js")
			.with(user(manager.username()).roles("MANAGER"))
			.exchange();
		assertThat(reader).hasStatusOk();
		assertThat(reader).bodyText().contains("topojson-client v3.1.0");
	}

	@Test
	void adminsSeeAFailedDeliveryHoweverManyRunsCameAfterIt() {
		UserView admin = Staff.create(this.users, Role.ADMIN);
		long failed = run(admin.username(), "FAILED", T0);
		// more runs after it, delivered or with nothing to deliver, than the page reads
		for (int i = 0; i < 210; i++) {
			run(admin.username(), (i % 2 == 0) ? "SENT" : "NONE", T0.plus(Duration.ofMinutes(i + 1)));
		}

		MvcTestResult home = this.mvc.get().uri("/").with(user(admin.username()).roles("ADMIN")).exchange();

		assertThat(home).hasStatusOk();
		assertThat(home).bodyText()
			.contains("href=\"/reports/runs/" + failed + "\"")
			.containsOnlyOnce("href=\"/reports/runs/");
	}

	private OrganizationDetails create(String name) {
		return this.organizations.create(organization(name + " " + marker(), OrganizationType.NGO, "PL"));
	}

	private void log(OrganizationDetails organization, FollowUpRequest followUp) {
		log(organization, followUp, "Call");
	}

	private void log(OrganizationDetails organization, FollowUpRequest followUp, String subject) {
		this.interactions
			.log(new InteractionRequest(organization.id(), List.of(), InteractionType.CALL, this.clock.instant(), "UTC",
					Direction.OUTBOUND, subject, null, null, null, null, null, followUp, null));
	}

	private long run(String requestedBy, String deliveryStatus, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO report_run (report_type, period_from, period_to, countries, scope_all, scope_countries,
				    locale, status, requested_by, skip_when_empty, delivery_status, delivery_attempts, created_at)
				VALUES ('OUTREACH_ACTIVITY', ?, ?, '', TRUE, '', 'en', 'COMPLETED', ?, FALSE, ?, 3, ?)""")
			.params(LocalDate.of(1988, 1, 1), LocalDate.of(1988, 1, 31), requestedBy, deliveryStatus,
					java.sql.Timestamp.from(createdAt))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM report_run").query(Long.class).single();
	}

}
