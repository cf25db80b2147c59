package org.outreachcrm.duplicates;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeRequest;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.RecordMerging;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The duplicate finder against the database: the full scan as a batch job through the
 * API, the review queue within the country scope, "not a duplicate" for good, the check
 * on save, and a merge closing its pairs.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class DuplicatesTest {

	@Autowired
	RecordMerging merging;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	DuplicateCheck check;

	@Autowired
	DuplicatePairs pairs;

	@Autowired
	DuplicateScans scans;

	@Autowired
	CurrentScope scope;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void staffHasAnAccount() {
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	@Test
	void fullScanFindsTransliteratedAndLegalFormDuplicatesButNotSiblingsAndNeverADismissedPair() {
		String m = marker();
		long kyiv = org("Київська громадська ініціатива " + m, "UA", null);
		long kyivLatin = org("Kyivska hromadska initsiatyva " + m, "UA", null);
		long saxony = org("Kinderhilfe Sachsen " + m + " e.V.", "DE", "http://www.kinderhilfe-" + m + ".de/");
		long saxonyPlain = org("KINDERHILFE SACHSEN " + m, "DE", "https://kinderhilfe-" + m + ".de");
		long lodz = org("Teachers " + m + " of Łódź", "PL", null);
		long krakow = org("Teachers " + m + " of Kraków", "PL", null);
		long warsaw = org("Caritas " + m, "PL", null);
		long bucharest = org("Caritas " + m, "RO", null);

		JsonNode scan = runScan("ORGANIZATION");
		assertThat(scan.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(scan.get("pairsFound").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(scan.get("message").asString()).isNotBlank();

		List<JsonNode> open = openPairs("en");
		JsonNode ukrainian = pair(open, kyiv, kyivLatin);
		assertThat(ukrainian).isNotNull();
		assertThat(ukrainian.get("reasons").toString()).contains("names match after transliteration");
		JsonNode german = pair(open, saxony, saxonyPlain);
		assertThat(german).isNotNull();
		assertThat(german.get("reasons").toString()).contains("same website");
		assertThat(pair(open, lodz, krakow)).isNull();
		assertThat(pair(open, warsaw, bucharest)).isNull();
		assertThat(pair(openPairs("pl"), kyiv, kyivLatin).get("reasons").toString())
			.contains("nazwy zgodne po transliteracji");

		assertThat(this.mvc.post()
			.uri("/api/duplicates/" + german.get("id").asLong() + "/dismiss")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(pair(openPairs("en"), saxony, saxonyPlain)).isNull();

		runScan("ORGANIZATION");
		assertThat(pair(openPairs("en"), saxony, saxonyPlain)).isNull();
		assertThat(this.check.check(MergeKind.ORGANIZATION, saxony)).extracting(PossibleDuplicate::id)
			.doesNotContain(saxonyPlain);
	}

	@Test
	void startUpScansAKindWhoseRecordsHaveNoKeysOnceAndARescanWritesOnlyWhatChanged() {
		String m = marker();
		long first = org("Dom Kultury " + m + " Śródmieście", "PL", null);
		long second = org("Śródmieście Dom Kultury " + m, "PL", null);
		// as after V270: records, no keys
		this.jdbc.sql("DELETE FROM duplicate_key WHERE kind = 'ORGANIZATION'").update();

		List<DuplicateScan> started = this.scans.scanKindsWithoutKeys();
		assertThat(started).extracting(DuplicateScan::kind).contains(MergeKind.ORGANIZATION);
		started.forEach((scan) -> awaitFinished(scan.id()));
		assertThat(keys(first)).isNotEmpty();
		assertThat(status(first, second)).isEqualTo("OPEN");
		assertThat(this.scans.scanKindsWithoutKeys()).extracting(DuplicateScan::kind)
			.doesNotContain(MergeKind.ORGANIZATION);

		// a rescan puts back a missing key and drops one the record no longer has
		List<Long> built = keys(first);
		this.jdbc.sql("DELETE FROM duplicate_key WHERE kind = 'ORGANIZATION' AND record_id = ? AND key_hash = ?")
			.params(first, built.get(0))
			.update();
		this.jdbc.sql("INSERT INTO duplicate_key (kind, key_hash, record_id) VALUES ('ORGANIZATION', ?, ?)")
			.params(BlockingKeys.hash("nPL:stale" + m), first)
			.update();
		assertThat(runScan("ORGANIZATION").get("status").asString()).isEqualTo("COMPLETED");
		assertThat(keys(first)).containsExactlyInAnyOrderElementsOf(built);
	}

	@Test
	void secondScanRequestWhileOneIsActiveJoinsIt() {
		this.jdbc.sql("""
				INSERT INTO duplicate_scan (kind, status, active_kind, pairs_found, created_at)
				VALUES ('CONTACT', 'RUNNING', 'CONTACT', 0, CURRENT_TIMESTAMP)""").update();
		long active = this.jdbc.sql("SELECT id FROM duplicate_scan WHERE active_kind = 'CONTACT'")
			.query(Long.class)
			.single();
		try {
			MvcTestResult second = this.mvc.post()
				.uri("/api/duplicates/scans")
				.with(user("staff").roles("STAFF"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"CONTACT\"}")
				.exchange();
			assertThat(second).hasStatus(HttpStatus.ACCEPTED);
			assertThat(read(second).get("id").asLong()).isEqualTo(active);
		}
		finally {
			this.jdbc.sql("DELETE FROM duplicate_scan WHERE id = ?").param(active).update();
		}
	}

	@Test
	void checkOnSaveNamesTheOtherRecordAndTheQueueKeepsToTheScope() {
		String m = marker();
		long first = org("Fundația Comunitară Mureș " + m, "RO", null);
		long second = org("Fundatia Comunitara Mures " + m, "RO", null);

		assertThat(this.check.check(MergeKind.ORGANIZATION, first)).isEmpty();
		List<PossibleDuplicate> possible = this.check.check(MergeKind.ORGANIZATION, second);
		assertThat(possible).extracting(PossibleDuplicate::id).containsExactly(first);
		assertThat(possible.get(0).name()).isEqualTo("Fundația Comunitară Mureș " + m);

		long pairId = this.jdbc
			.sql("SELECT id FROM duplicate_pair WHERE kind = 'ORGANIZATION' AND first_id = ? AND second_id = ?")
			.params(first, second)
			.query(Long.class)
			.single();
		this.scope.runAs(CountryScope.of(Set.of("PL")),
				() -> assertThat(this.pairs.open(MergeKind.ORGANIZATION, 0, PageRequest.of(0, 200)).getContent())
					.extracting(DuplicatePair::id)
					.doesNotContain(pairId));
		this.scope.runAs(CountryScope.of(Set.of("RO")),
				() -> assertThat(this.pairs.open(MergeKind.ORGANIZATION, 0, PageRequest.of(0, 200)).getContent())
					.extracting(DuplicatePair::id)
					.contains(pairId));

		String polish = "p" + m;
		Staff.ensureAccount(this.users, polish, Role.STAFF);
		this.jdbc
			.sql("INSERT INTO app_user_country (user_id, country) SELECT id, 'PL' FROM app_user WHERE username = ?")
			.param(polish)
			.update();
		assertThat(this.mvc.post()
			.uri("/api/duplicates/" + pairId + "/dismiss")
			.with(user(polish).roles("STAFF"))
			.with(csrf())
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	@WithMockUser(username = "staff", roles = "STAFF")
	void mergeClosesThePairsOfTheMergedRecordInItsTransaction() {
		String m = marker();
		long kept = org("Radio Głos Ziemi " + m, "PL", null);
		long merged = org("Raio Głos Ziemi " + m, "PL", null);
		this.check.check(MergeKind.ORGANIZATION, kept);
		assertThat(this.check.check(MergeKind.ORGANIZATION, merged)).extracting(PossibleDuplicate::id)
			.containsExactly(kept);

		// the directory's merge publishes RecordsMerged inside its transaction
		this.transactions.executeWithoutResult((tx) -> {
			this.merging.mergeOrganizations(kept,
					new MergeRequest(merged, Map.of(), this.organizations.get(kept).version()));
			tx.setRollbackOnly();
		});
		assertThat(status(kept, merged)).isEqualTo("OPEN");

		this.merging.mergeOrganizations(kept,
				new MergeRequest(merged, Map.of(), this.organizations.get(kept).version()));
		assertThat(status(kept, merged)).isEqualTo("MERGED");
	}

	@Test
	void badRequestsAnswerProblemDetails() {
		assertThat(this.mvc.get()
			.uri("/api/duplicates?kind=ORGANIZATION&minScore=2")
			.with(user("staff").roles("STAFF"))
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/duplicates?kind=PLANET").with(user("staff").roles("STAFF")).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/duplicates/scans/987654321").with(user("staff").roles("STAFF")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post()
			.uri("/api/duplicates/scans")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private List<Long> keys(long id) {
		return this.jdbc.sql("SELECT key_hash FROM duplicate_key WHERE kind = 'ORGANIZATION' AND record_id = ?")
			.param(id)
			.query(Long.class)
			.list();
	}

	private void awaitFinished(long scanId) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.scans.get(scanId).status()).isIn(ScanStatus.COMPLETED));
	}

	private String status(long first, long second) {
		return this.jdbc
			.sql("SELECT status FROM duplicate_pair WHERE kind = 'ORGANIZATION' AND first_id = ? AND second_id = ?")
			.params(Math.min(first, second), Math.max(first, second))
			.query(String.class)
			.single();
	}

	private JsonNode runScan(String kind) {
		MvcTestResult started = this.mvc.post()
			.uri("/api/duplicates/scans")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"" + kind + "\"}")
			.exchange();
		assertThat(started).hasStatus(HttpStatus.ACCEPTED);
		long id = read(started).get("id").asLong();
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			last[0] = read(
					this.mvc.get().uri("/api/duplicates/scans/" + id).with(user("staff").roles("STAFF")).exchange());
			assertThat(last[0].get("status").asString()).isIn("COMPLETED", "FAILED");
		});
		return last[0];
	}

	private List<JsonNode> openPairs(String language) {
		MvcTestResult result = this.mvc.get()
			.uri("/api/duplicates?kind=ORGANIZATION&size=200&lang=" + language)
			.header("Accept-Language", language)
			.with(user("staff").roles("STAFF"))
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode page = read(result);
		assertThat(page.get("page").has("totalElements")).isTrue();
		List<JsonNode> content = new java.util.ArrayList<>();
		page.get("content").forEach(content::add);
		return content;
	}

	private static JsonNode pair(List<JsonNode> pairs, long a, long b) {
		return pairs.stream()
			.filter((p) -> p.get("firstId").asLong() == Math.min(a, b) && p.get("secondId").asLong() == Math.max(a, b))
			.findFirst()
			.orElse(null);
	}

	private long org(String name, String country, String website) {
		OrganizationDetails created = this.organizations.create(new OrganizationRequest(name, OrganizationType.NGO,
				country, null, website, null, null, List.of(), null, null, null, Set.of(), null));
		return created.id();
	}

	private JsonNode read(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> none() {
		return Map.of();
	}

}
