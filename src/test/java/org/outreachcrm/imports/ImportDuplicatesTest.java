package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.duplicates.DuplicatePairs;
import org.outreachcrm.duplicates.ImportPairs;
import org.outreachcrm.duplicates.ReviewPair;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The duplicate check after an import: the run counts and lists the near-duplicates of
 * stored partners among the records it created, the review queue holds them (filtered to
 * the run on request), a dismissed pair is not proposed again by a later import, dry runs
 * check nothing, and undo leaves no pair pointing at a removed record. The run is
 * COMPLETED before the check runs; an undo cancels a running check after its chunk in
 * progress, and a check a stop interrupted is resumed.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class ImportDuplicatesTest {

	@Autowired
	Imports imports;

	@Autowired
	DuplicatePairs pairs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	ObjectMapper json;

	@Autowired
	ImportRuns runs;

	@Autowired
	ImportDuplicates duplicates;

	@Autowired
	ImportLauncher launcher;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void accounts() {
		Staff.ensureAccount(this.users, "admin", Role.ADMIN);
	}

	@Test
	void runListsTheNearDuplicateOfAStoredPartnerAndUndoForgetsIt() throws Exception {
		String m = marker();
		ImportView first = finished(submit(list("Fundația Comunitară Mureș " + m), false));
		assertThat(first.possibleDuplicates()).as("nothing like it stored yet").isZero();
		long stored = organizationId("Fundația Comunitară Mureș " + m);

		ImportView second = finished(
				submit(list("Fundatia Comunitara Muresh " + m, "Asociația Alta Lume " + m), false));

		assertThat(second.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(second.organizationsCreated())
			.as("accents dropped and another romanization: not the same by the import's identity")
			.isEqualTo(2);
		assertThat(second.possibleDuplicates()).isEqualTo(1);
		long created = organizationId("Fundatia Comunitara Muresh " + m);
		ImportPairs found = this.imports.possibleDuplicates(second.id(), 10);
		assertThat(found.total()).isEqualTo(1);
		ReviewPair pair = found.shown().get(0);
		assertThat(pair.pair().kind()).isEqualTo(MergeKind.ORGANIZATION);
		assertThat(java.util.List.of(pair.first().name(), pair.second().name()))
			.containsExactlyInAnyOrder("Fundația Comunitară Mureș " + m, "Fundatia Comunitara Muresh " + m);
		assertThat(this.pairs.review(MergeKind.ORGANIZATION, PageRequest.of(0, 1000)).getContent())
			.as("in the normal queue")
			.extracting((r) -> r.pair().id())
			.contains(pair.pair().id());
		assertThat(this.pairs.review(MergeKind.ORGANIZATION, second.id(), PageRequest.of(0, 20)).getContent())
			.as("the queue filtered to the run")
			.extracting((r) -> r.pair().id())
			.containsExactly(pair.pair().id());
		assertThat(this.pairs.review(MergeKind.ORGANIZATION, first.id(), PageRequest.of(0, 20))).isEmpty();

		MvcTestResult page = this.mvc.get()
			.uri("/imports/" + second.id())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("1 possible duplicate found")
			.contains("Fundatia Comunitara Muresh " + m)
			.contains("/organizations/" + Math.min(stored, created) + "/merge/" + Math.max(stored, created))
			.contains("/duplicates?kind=ORGANIZATION&amp;import=" + second.id());
		MvcTestResult api = this.mvc.get()
			.uri("/api/imports/" + second.id())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(api).hasStatusOk();
		JsonNode answer = this.json.readTree(api.getResponse().getContentAsString());
		assertThat(answer.get("possibleDuplicates").asInt()).isEqualTo(1);
		assertThat(answer.get("possibleDuplicatesUrls").get("ORGANIZATION").asString())
			.isEqualTo("/api/duplicates?kind=ORGANIZATION&import=" + second.id());
		MvcTestResult queue = this.mvc.get()
			.uri("/api/duplicates?kind=ORGANIZATION&import=" + second.id())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(queue).hasStatus(HttpStatus.OK);
		assertThat(
				this.json.readTree(queue.getResponse().getContentAsString()).get("content").get(0).get("id").asLong())
			.isEqualTo(pair.pair().id());

		this.imports.undo(second.id(), "admin");

		assertThat(pairsOf(created)).as("no pair points at the removed record").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM duplicate_key WHERE kind = 'ORGANIZATION' AND record_id = ?")
			.param(created)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.pairs.review(MergeKind.ORGANIZATION, second.id(), PageRequest.of(0, 20))).isEmpty();
		assertThat(this.imports.possibleDuplicates(second.id(), 10).total()).isZero();
		assertThat(pairsOf(stored)).as("its only pair went with the removed record").isZero();
	}

	@Test
	void aDismissedPairIsNotProposedAgainByALaterImportAndADryRunChecksNothing() throws Exception {
		String m = marker();
		finished(submit(list("Asociația Științifică Ștefan cel Mare " + m), false));
		ImportView second = finished(submit(list("Asociatia Stiintifca Stefan cel Mare " + m), false));
		assertThat(second.possibleDuplicates()).isEqualTo(1);
		long pairId = this.imports.possibleDuplicates(second.id(), 10).shown().get(0).pair().id();
		this.pairs.dismiss(pairId, "admin");
		assertThat(this.imports.possibleDuplicates(second.id(), 10).total()).as("reviewed").isZero();

		ImportView dry = finished(submit(list("Asociatia Stiintifca Stefan cel Mare din Suceava " + m), true));
		assertThat(dry.possibleDuplicates()).as("a dry run writes nothing, checks nothing").isNull();
		// the same two records again, the second changed by the import: checked again
		ImportView third = finished(
				submit(listWithCity("Asociatia Stiintifca Stefan cel Mare " + m, "Suceava"), false));
		assertThat(third.organizationsUpdated()).isEqualTo(1);
		assertThat(third.possibleDuplicates()).as("dismissed for good").isZero();
		assertThat(this.jdbc.sql("SELECT status FROM duplicate_pair WHERE id = ?")
			.param(pairId)
			.query(String.class)
			.single()).isEqualTo("DISMISSED");
	}

	@Test
	void theRunIsCompletedBeforeItsRecordsAreCheckedAndTheCheckEndsDone() throws Exception {
		String m = marker();
		finished(submit(list("Fundația Pentru Voi Brașov " + m), false));
		ImportView second = submit(list("Fundatia Pentru Voi Brashov " + m), false);
		ImportView completed = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.imports.get(second.id()), ImportView::finished);
		assertThat(completed.duplicateCheck()).as("COMPLETED is written before the check starts")
			.isIn(DuplicateCheckState.CHECKING, DuplicateCheckState.DONE);

		ImportView settled = finished(second);
		assertThat(settled.duplicateCheck()).isEqualTo(DuplicateCheckState.DONE);
		assertThat(settled.possibleDuplicates()).isEqualTo(1);
		MvcTestResult answer = this.mvc.get()
			.uri("/api/imports/{id}", second.id())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(this.json.readTree(answer.getResponse().getContentAsString()).get("duplicateCheck").asString())
			.isEqualTo("DONE");
	}

	@Test
	void anUndoWaitsForTheChunkInProgressThenNoChunkRunsAgain() throws Exception {
		String m = marker();
		ImportView run = finished(submit(list("Asociația Vânătorilor Prahova " + m), false));
		long created = organizationId("Asociația Vânătorilor Prahova " + m);
		// as if its check were still running
		this.jdbc.sql("UPDATE import_run SET duplicate_check = 'CHECKING' WHERE id = ?").param(run.id()).update();

		CountDownLatch chunkStarted = new CountDownLatch(1);
		CountDownLatch chunkMayEnd = new CountDownLatch(1);
		CompletableFuture<Boolean> chunk = CompletableFuture.supplyAsync(() -> this.transactions.execute((status) -> {
			boolean wanted = this.runs.stillChecking(run.id());
			chunkStarted.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> chunkMayEnd.getCount() == 0);
			return wanted;
		}));
		chunkStarted.await();
		CompletableFuture<Void> undo = CompletableFuture.runAsync(() -> this.imports.undo(run.id(), "admin"));
		Thread.sleep(300);
		assertThat(undo).as("the undo waits for the chunk in progress").isNotDone();
		chunkMayEnd.countDown();
		assertThat(chunk.get(30, TimeUnit.SECONDS)).isTrue();
		undo.get(30, TimeUnit.SECONDS);

		ImportView undone = this.imports.get(run.id());
		assertThat(undone.duplicateCheck()).isEqualTo(DuplicateCheckState.CANCELLED);
		assertThat(undone.checkingDuplicates()).isFalse();
		// a check that starts (or resumes) after the undo stops at its first chunk
		this.duplicates.afterRun(run.id());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM duplicate_key WHERE kind = 'ORGANIZATION' AND record_id = ?")
			.param(created)
			.query(Long.class)
			.single()).as("no key of the removed record written after the undo").isZero();
		assertThat(this.imports.get(run.id()).duplicateCheck()).isEqualTo(DuplicateCheckState.CANCELLED);
	}

	@Test
	void aCheckThatAStopInterruptedIsResumedAndLinksEachPairOnce() throws Exception {
		String m = marker();
		finished(submit(list("Stowarzyszenie Zielone Mazowsze " + m), false));
		ImportView second = finished(submit(list("Stowarzyszenie Zielone Mazowszee " + m), false));
		assertThat(second.possibleDuplicates()).isEqualTo(1);
		// as an instance that stopped during the check leaves it: COMPLETED, CHECKING
		this.jdbc.sql("UPDATE import_run SET duplicate_check = 'CHECKING', possible_duplicates = NULL WHERE id = ?")
			.param(second.id())
			.update();
		assertThat(this.runs.unfinished()).contains(second.id());

		this.launcher.resumeInterrupted();

		ImportView resumed = finished(second);
		assertThat(resumed.duplicateCheck()).isEqualTo(DuplicateCheckState.DONE);
		assertThat(resumed.possibleDuplicates()).as("the pair linked once, not twice").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM duplicate_pair_import WHERE import_id = ?")
			.param(second.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.runs.unfinished()).doesNotContain(second.id());
	}

	private long pairsOf(long id) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM duplicate_pair WHERE kind = 'ORGANIZATION' AND (first_id = ? OR second_id = ?)")
			.params(id, id)
			.query(Long.class)
			.single();
	}

	private long organizationId(String name) {
		return this.jdbc.sql("SELECT id FROM organization WHERE name = ?").param(name).query(Long.class).single();
	}

	private static String list(String... names) {
		StringBuilder csv = new StringBuilder("Nume organizație;Țara;Oraș\r\n");
		for (String name : names) {
			csv.append(name).append(";Romania;\r\n");
		}
		return csv.toString();
	}

	private static String listWithCity(String name, String city) {
		return "Nume organizație;Țara;Oraș\r\n" + name + ";Romania;" + city + "\r\n";
	}

	private ImportView submit(String csv, boolean dryRun) {
		return this.imports.submit(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "parteneri.csv",
				new ImportOptions(ImportMode.CREATE_AND_UPDATE, dryRun, null, null, DateOrder.DAY_FIRST,
						java.util.Map.of()),
				"API", "admin");
	}

	private ImportView finished(ImportView run) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(run.id()), ImportView::settled);
	}

}
