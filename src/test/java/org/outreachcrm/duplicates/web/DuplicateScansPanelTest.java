package org.outreachcrm.duplicates.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.DateFormats;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The duplicates page's scans panel: the latest scans of each kind with their status, new
 * pairs and time in the viewer's zone and language, and "scan now" for exactly those the
 * API lets start a scan ({@code POST /api/duplicates/scans}), with a CSRF token.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateScansPanelTest {

	private static final Instant FINISHED = Instant.parse("2026-03-01T10:15:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	// the real rule, which one test turns down to see that the page follows it
	@MockitoSpyBean
	WebInvocationPrivilegeEvaluator privileges;

	@BeforeEach
	void staffHasAnAccount() {
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	@Test
	void listsTheLatestScansOfEachKindInTheViewersZoneAndLanguage() throws Exception {
		// finished scans only: a queued row would be picked up and run
		scan("ORGANIZATION", "FAILED", 0, FINISHED.minusSeconds(3600));
		scan("ORGANIZATION", "COMPLETED", 12, FINISHED);
		scan("CONTACT", "COMPLETED", 1, FINISHED);

		// a new user: the first zone a user's browser reports becomes the user's setting
		String viewer = "scan-viewer-" + marker();
		Staff.ensureAccount(this.users, viewer, Role.STAFF);
		String html = page(viewer, "/duplicates?lang=pl", "Europe/Warsaw");

		String warsaw = DateFormats.dateTime(LocalDateTime.ofInstant(FINISHED, ZoneId.of("Europe/Warsaw")),
				Locale.forLanguageTag("pl"));
		assertThat(warsaw).contains("11:15");
		assertThat(html)
			.contains("id=\"duplicate-scans\"", "Pełne skanowanie", "Zakończone", "12 nowych par", "1 nowa para",
					"Nieudane", "· " + warsaw, "Skanuj teraz")
			.doesNotContain("ScanStatus.", "duplicates.scans.", "COMPLETED");
		// newest first within a kind
		String organizations = html.substring(html.indexOf("id=\"scans-ORGANIZATION\""));
		assertThat(organizations.indexOf("12 nowych par")).isLessThan(organizations.indexOf("Nieudane"));
		assertThat(page(viewer, "/duplicates?lang=ro", "Europe/Warsaw")).contains("Scanări complete", "12 perechi noi",
				"1 pereche nouă", "Eșuată", "Scanați acum");
	}

	@Test
	void theFragmentIsThePanelAlone() throws Exception {
		String html = page("/duplicates/scans", "UTC");

		assertThat(html).startsWith("<section id=\"duplicate-scans\"").doesNotContain("<html", "duplicate-pairs");
	}

	@Test
	void staffStartsAScanFromThePageAsTheApiAllowsThem() {
		int before = scans("CONTACT");

		MvcTestResult started = this.mvc.post()
			.uri("/duplicates/scans")
			.param("kind", "CONTACT")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(started).hasStatus(302).hasRedirectedUrl("/duplicates?kind=CONTACT");
		assertThat(started).flash().containsEntry("flash", "duplicates.scans.requested");
		assertThat(scans("CONTACT")).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT requested_by FROM duplicate_scan WHERE kind = 'CONTACT' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("staff");
	}

	@Test
	void aScanIsNotStartedWithoutTheCsrfToken() {
		int before = scans("ORGANIZATION");

		assertThat(this.mvc.post()
			.uri("/duplicates/scans")
			.param("kind", "ORGANIZATION")
			.with(user("staff").roles("STAFF"))
			.exchange()).hasStatus(403);
		assertThat(scans("ORGANIZATION")).isEqualTo(before);
	}

	@Test
	void whomTheApiRefusesSeesNoButtonAndCannotStartAScan() throws Exception {
		doReturn(false).when(this.privileges).isAllowed(any(), eq("/api/duplicates/scans"), eq("POST"), any());
		int before = scans("ORGANIZATION");

		assertThat(page("/duplicates", "UTC")).contains("id=\"duplicate-scans\"").doesNotContain("scan-now");
		assertThat(this.mvc.post()
			.uri("/duplicates/scans")
			.param("kind", "ORGANIZATION")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.exchange()).hasStatus(403);
		assertThat(scans("ORGANIZATION")).isEqualTo(before);
	}

	private String page(String uri, String zone) throws Exception {
		return page("staff", uri, zone);
	}

	private String page(String username, String uri, String zone) throws Exception {
		MvcTestResult page = this.mvc.get()
			.uri(uri)
			.cookie(new Cookie(ViewFormats.ZONE_COOKIE, zone))
			.with(user(username).roles("STAFF"))
			.exchange();
		assertThat(page).hasStatusOk();
		return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void scan(String kind, String status, int pairs, Instant finished) {
		LocalDateTime at = LocalDateTime.ofInstant(finished, ZoneOffset.UTC);
		this.jdbc
			.sql("""
					INSERT INTO duplicate_scan (kind, status, pairs_found, requested_by, created_at, started_at, finished_at)
					VALUES (?, ?, ?, 'test', ?, ?, ?)""")
			.params(kind, status, pairs, at.minusMinutes(2), at.minusMinutes(1), at)
			.update();
	}

	private int scans(String kind) {
		return this.jdbc.sql("SELECT COUNT(*) FROM duplicate_scan WHERE kind = ?")
			.param(kind)
			.query(Integer.class)
			.single();
	}

}
