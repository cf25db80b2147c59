package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.testsupport.DirectoryData;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One week of known outreach in three small countries: TV and NR (the scope of a
 * manager), KI (outside it). Every figure the tests expect follows from these rows.
 */
final class ReportScenario {

	static final LocalDate FROM = LocalDate.of(2031, 3, 3);

	static final LocalDate TO = LocalDate.of(2031, 3, 9);

	/** Where the clock stands for follow-ups: the Monday after the week. */
	static final Instant NOW = Instant.parse("2031-03-10T09:00:00Z");

	static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"click\")";

	static final CountryScope SCOPE = CountryScope.of(Set.of("TV", "NR"));

	final long staffA;

	final long staffB;

	final long campaign;

	final long o1;

	final long o2;

	final long o3;

	final long o4;

	ReportScenario(ReportSeed seed) {
		this.staffA = seed.user("Ana Seed");
		this.staffB = seed.user("Bogdan Seed");
		this.campaign = seed.campaign("Spring drive");
		this.o1 = seed.organization(EVIL, "NGO", "TV", "PROSPECT", at("2031-03-04T10:00:00Z"));
		this.o2 = seed.organization("Fundacja Zielona", "FOUNDATION", "NR", "PARTNER", at("2030-01-01T00:00:00Z"));
		this.o3 = seed.organization("Outside Org", "NGO", "KI", "CONTACTED", at("2031-03-05T10:00:00Z"));
		this.o4 = seed.organization("Quiet Media", "MEDIA", "TV", "CONTACTED", at("2030-01-01T00:00:00Z"));
		seed.contact("TV", at("2031-03-06T10:00:00Z"));
		seed.contact("KI", at("2031-03-06T10:00:00Z"));

		// in the period: TV 2 (one in the campaign), NR 1 (last evening), KI 3
		seed.interaction(this.o1, "TV", "CALL", this.staffA, this.campaign, at("2031-03-03T00:00:00Z"));
		seed.interaction(this.o1, "TV", "CALL", this.staffA, null, at("2031-03-04T15:00:00Z"));
		seed.interaction(this.o2, "NR", "EMAIL", this.staffB, null, at("2031-03-09T23:59:59Z"));
		for (int i = 0; i < 3; i++) {
			seed.interaction(this.o3, "KI", "CALL", this.staffA, null, at("2031-03-05T12:00:00Z"));
		}
		// outside the period: just after, and the previous week (NR 1, KI 5)
		seed.interaction(this.o1, "TV", "CALL", this.staffA, null, at("2031-03-10T00:00:00Z"));
		seed.interaction(this.o2, "NR", "CALL", this.staffA, null, at("2031-02-28T10:00:00Z"));
		for (int i = 0; i < 5; i++) {
			seed.interaction(this.o3, "KI", "CALL", this.staffA, null, at("2031-02-27T10:00:00Z"));
		}

		// stage history: one move in scope, one outside
		seed.stageChange(this.o2, "ENGAGED", "PARTNER", at("2031-03-05T10:00:00Z"));
		seed.stageChange(this.o3, "PROSPECT", "CONTACTED", at("2031-03-05T10:00:00Z"));

		// follow-ups as of 2031-03-10
		Instant created = at("2031-03-04T10:00:00Z");
		seed.followUp(this.o1, "TV", LocalDate.of(2031, 3, 1), this.staffA, "@SUM(A1)", created, null);
		seed.followUp(this.o1, "TV", LocalDate.of(2031, 3, 12), this.staffA, null, created, null);
		seed.followUp(this.o2, "NR", LocalDate.of(2031, 3, 5), this.staffB, null, created, null);
		seed.followUp(this.o3, "KI", LocalDate.of(2031, 3, 1), this.staffB, null, created, null);
		seed.followUp(this.o1, "TV", LocalDate.of(2031, 3, 30), this.staffA, null, created, null);
		seed.followUp(this.o4, "TV", LocalDate.of(2031, 3, 2), this.staffB, null, created, at("2031-03-08T10:00:00Z"));

		// one meeting in the period, one after it
		long summit = seed.meeting("Regional summit", at("2031-03-05T09:00:00Z"));
		seed.invitation(summit, seed.contact("TV", at("2020-01-01T00:00:00Z")), this.o1, "ATTENDED");
		seed.invitation(summit, seed.contact("NR", at("2020-01-01T00:00:00Z")), this.o2, "DECLINED");
		seed.invitation(summit, seed.contact("KI", at("2020-01-01T00:00:00Z")), this.o3, "ATTENDED");
		long later = seed.meeting("Later meeting", at("2031-04-05T09:00:00Z"));
		seed.invitation(later, seed.contact("TV", at("2020-01-01T00:00:00Z")), this.o1, "INVITED");
	}

	/**
	 * Seeds the scenario and stands the clock at {@code now}: the set-up of every test
	 * here. Undo it with {@link #resetClock} or, in a test that commits,
	 * {@link #cleanUp}.
	 */
	static ReportScenario seed(JdbcClient jdbc, MutableClock clock, Instant now) {
		ReportScenario scenario = new ReportScenario(new ReportSeed(jdbc));
		clock.set(now);
		return scenario;
	}

	/** Puts the clock back where every other test expects it. */
	static void resetClock(MutableClock clock) {
		clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	/**
	 * For tests that commit: deletes the seeded rows with every run and schedule
	 * ({@link ReportSeed#cleanUp()}) and puts the clock back.
	 */
	static void cleanUp(JdbcClient jdbc, MutableClock clock) {
		new ReportSeed(jdbc).cleanUp();
		resetClock(clock);
	}

	/** A new manager account whose countries are the scenario's {@link #SCOPE}. */
	static UserView manager(UserAccounts users) {
		String m = DirectoryData.marker();
		return users.create(new NewUser("mgr" + m, "Test-Passw0rd-" + m, "Manager " + m, null, Set.of(Role.MANAGER),
				SCOPE.countries()));
	}

	static ReportFilter filter(ReportType type) {
		return new ReportFilter(type, FROM, TO, Set.of(), null);
	}

	static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
