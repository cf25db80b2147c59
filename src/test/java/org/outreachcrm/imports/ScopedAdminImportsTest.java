package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.testsupport.ApiCalls;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * Imports follow the country scope: an admin limited to Poland neither lists, opens,
 * reviews, reports on nor undoes an import started with all countries (which may hold
 * Romanian names, phones and notes), through the API and the pages; a run started in
 * Poland is visible to every admin whose scope covers Poland.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScopedAdminImportsTest {

	private static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	Imports imports;

	@Autowired
	UserAccounts users;

	@Autowired
	CurrentScope scope;

	@Autowired
	JdbcClient jdbc;

	String m;

	ImportView central;

	ImportView polish;

	UserView polishAdmin;

	@BeforeEach
	void imports() {
		this.m = marker();
		this.central = finished(() -> this.imports.submit(
				csv("Fundația " + this.m + ";RO;Ion;Pop;+40 721 000 111;\r\n" + ";RO;Maria;Ionescu " + this.m
						+ ";+40 721 000 222;maria(at)example\r\n"),
				"lista.csv", ImportOptions.defaults(), "API", "admin"));
		this.polish = finished(() -> {
			ImportView[] run = new ImportView[1];
			this.scope.runAs(CountryScope.of(Set.of("PL")),
					() -> run[0] = this.imports.submit(
							csv("Fundacja " + this.m + ";PL;Anna;Nowak;+48 600 000 111;\r\n" + ";PL;Ewa;Lis " + this.m
									+ ";+48 600 000 222;ewa(at)example\r\n"),
							"lista.csv", ImportOptions.defaults(), "API", "pl-admin"));
			return run[0];
		});
		this.polishAdmin = admin("PL");
		assertThat(this.central.rowsRejected()).as("a rejected row of names and phones").isOne();
	}

	@Test
	void theApiHidesImportsBeyondTheScope() {
		ApiCalls api = api(this.polishAdmin);
		String list = api.get("/api/imports?size=200").body();
		assertThat(list).contains("\"id\":" + this.polish.id() + ",")
			.doesNotContain("\"id\":" + this.central.id() + ",");
		assertThat(api.get("/api/imports/" + this.central.id()).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/imports/" + this.central.id() + "/problems").statusCode()).isEqualTo(404);
		HttpResponse<String> rejections = api.get("/api/imports/" + this.central.id() + "/rejections");
		assertThat(rejections.statusCode()).isEqualTo(404);
		assertThat(rejections.body()).doesNotContain("Ionescu");
		assertThat(api.post("/api/imports/" + this.central.id() + "/undo", "").statusCode()).isEqualTo(404);
		assertThat(organizations("Fundația " + this.m)).as("nothing undone").isOne();

		assertThat(api.get("/api/imports/" + this.polish.id()).statusCode()).isEqualTo(200);
		assertThat(api.get("/api/imports/" + this.polish.id() + "/rejections").statusCode()).isEqualTo(200);
	}

	@Test
	void thePagesHideImportsBeyondTheScope() {
		PageSession pages = PageSession.login(this.port, this.polishAdmin.username(), password(this.polishAdmin));
		String list = pages.get("/imports").body();
		assertThat(list).contains("/imports/" + this.polish.id() + "\"")
			.doesNotContain("/imports/" + this.central.id() + "\"");
		assertThat(pages.get("/imports/" + this.central.id()).statusCode()).isEqualTo(404);
		assertThat(pages.get("/imports/" + this.central.id() + "/rejections.xlsx").statusCode()).isEqualTo(404);
		String token = pages.token("/imports");
		assertThat(pages.post("/imports/" + this.central.id() + "/undo", token).statusCode()).isEqualTo(404);
		assertThat(organizations("Fundația " + this.m)).as("nothing undone").isOne();

		ImportView prepared = this.imports.prepare(csv("Fundația " + this.m + "b;RO;Ion;Pop;+40 721 000 333;\r\n"),
				"lista.csv", ImportOptions.defaults(), "UI", "admin");
		HttpResponse<String> mapping = pages.get("/imports/" + prepared.id() + "/mapping");
		assertThat(mapping.statusCode()).isEqualTo(404);
		assertThat(mapping.body()).doesNotContain("+40 721 000 333");
		assertThat(pages.post("/imports/" + prepared.id() + "/start", token).statusCode()).isEqualTo(404);
		assertThat(this.imports.get(prepared.id()).awaitingReview()).as("not started").isTrue();

		assertThat(pages.get("/imports/" + this.polish.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void aRunStartedInPolandIsVisibleToAdminsWhoseScopeCoversPoland() {
		assertThat(api(admin("PL", "RO")).get("/api/imports/" + this.polish.id()).statusCode()).isEqualTo(200);
		assertThat(api(admin("RO")).get("/api/imports/" + this.polish.id()).statusCode()).isEqualTo(404);
		String all = new ApiCalls(this.port, "admin", ADMIN_PASSWORD).get("/api/imports?size=200").body();
		assertThat(all).contains("\"id\":" + this.polish.id() + ",", "\"id\":" + this.central.id() + ",");
	}

	private long organizations(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM organization WHERE name = ?").param(name).query(Long.class).single();
	}

	private ApiCalls api(UserView user) {
		return new ApiCalls(this.port, user.username(), password(user));
	}

	private UserView admin(String... countries) {
		String m = marker();
		return this.users
			.create(new NewUser("a" + m, "Test-Passw0rd-" + m, null, null, Set.of(Role.ADMIN), Set.of(countries)));
	}

	private static String password(UserView user) {
		return "Test-Passw0rd-" + user.username().substring(1);
	}

	private static ByteArrayInputStream csv(String rows) {
		return new ByteArrayInputStream(
				("Nazwa organizacji;Kraj;Imię;Nazwisko;Telefon;E-mail\r\n" + rows).getBytes(StandardCharsets.UTF_8));
	}

	private ImportView finished(Supplier<ImportView> submit) {
		ImportView run = submit.get();
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(run.id()), ImportView::finished);
	}

}
