package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.testsupport.DatabaseTest;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * The import job with Spring Batch's test support, chunks of 10 rows: a restart after a
 * chunk failed part way resumes after the last committed chunk, a bad row is rejected
 * without stopping the job, rows mapped concurrently are written in file order, and undo
 * takes back what the job wrote.
 */
@DatabaseTest
@SpringBatchTest
@SpringBootTest(properties = "crm.imports.chunk-size=10")
class PartnerListImportJobTest {

	@Autowired
	JobOperatorTestUtils jobs;

	// the application has more than one job (the duplicate scan too): name the one tested
	@Autowired
	@Qualifier("partnerListImport")
	Job job;

	@BeforeEach
	void testTheImportJob() {
		this.jobs.setJob(this.job);
	}

	@Autowired
	Imports imports;

	@Autowired
	ImportRuns runs;

	@Autowired
	ObjectMapper json;

	@Autowired
	Organizations organizations;

	@MockitoSpyBean
	DirectoryImport directory;

	@Test
	void aRestartAfterAChunkFailedPartWayResumesAfterTheLastCommittedChunk() throws Exception {
		String m = marker();
		long id = prepared(list(m, 25, -1));
		AtomicInteger writes = new AtomicInteger();
		doAnswer((invocation) -> {
			if (writes.incrementAndGet() == 2) {
				throw new IllegalStateException("connection lost while writing rows 11-20");
			}
			return invocation.callRealMethod();
		}).when(this.directory).write(any(), any(), any(), any());
		JobParameters parameters = new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, id)
			.toJobParameters();

		JobExecution failed = this.jobs.startStep("importRows", parameters, plan(id));

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(orgs(m)).hasSize(10);
		assertThat(this.imports.get(id).rowsRead()).isEqualTo(10);

		JobExecution resumed = this.jobs.startStep("importRows", parameters, plan(id));

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = resumed.getStepExecutions().iterator().next();
		// rows 11 to 25 only: the committed chunk is not read, mapped or written again
		assertThat(step.getReadCount()).isEqualTo(15);
		assertThat(orgs(m)).hasSize(25);
		assertThat(this.imports.get(id).rowsRead()).isEqualTo(25);
		assertThat(this.imports.get(id).organizationsCreated()).isEqualTo(25);
	}

	@Test
	void aBadRowIsRejectedAndTheJobGoesOn() throws Exception {
		String m = marker();
		long id = prepared(list(m, 12, 5));

		JobExecution execution = this.jobs
			.startJob(new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, id).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ImportView run = this.imports.get(id);
		assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(List.of(run.rowsRead(), run.rowsRejected(), run.organizationsCreated())).containsExactly(12L, 1L,
				11L);
		assertThat(this.imports.problems(id, 10)).hasSize(1);
		assertThat(orgs(m)).hasSize(11);
	}

	@Test
	void undoTakesBackWhatTheJobWrote() throws Exception {
		String m = marker();
		long id = prepared(list(m, 15, -1));
		this.jobs.startJob(new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, id).toJobParameters());
		assertThat(orgs(m)).hasSize(15);

		RevertOutcome undone = this.imports.undo(id, "admin");

		assertThat(undone.organizationsRemoved()).isEqualTo(15);
		assertThat(undone.contactsRemoved()).isEqualTo(15);
		assertThat(orgs(m)).isEmpty();
	}

	@Test
	void rowsMappedOnThePoolReachTheWriterInFileOrderAndOnePartnerStaysOneRecord() throws Exception {
		String m = marker();
		StringBuilder csv = new StringBuilder("Organization;Country;Email\n");
		for (int i = 1; i <= 25; i++) {
			// rows 3, 13 and 23 name the same new organization, within a chunk and across
			String organization = (i % 10 == 3) ? "Shared " + m : "Org " + i + " " + m;
			csv.append(organization).append(";PL;person").append(i).append('.').append(m).append("@example.org\n");
		}
		long id = prepared(csv.toString().getBytes(StandardCharsets.UTF_8));
		List<Long> written = new CopyOnWriteArrayList<>();
		doAnswer((invocation) -> {
			List<DirectoryRow> rows = invocation.getArgument(0);
			rows.forEach((row) -> written.add(row.rowNumber()));
			return invocation.callRealMethod();
		}).when(this.directory).write(any(), any(), any(), any());

		JobExecution execution = this.jobs
			.startJob(new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, id).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the header is row 1
		assertThat(written).containsExactlyElementsOf(LongStream.rangeClosed(2, 26).boxed().toList());
		assertThat(orgs(m)).hasSize(23);
		assertThat(this.imports.get(id).organizationsCreated()).isEqualTo(23);
		assertThat(this.imports.get(id).contactsCreated()).isEqualTo(25);
	}

	/**
	 * A list of organizations with one person each; row {@code bad} has a malformed
	 * email.
	 */
	private static byte[] list(String marker, int rows, int bad) {
		StringBuilder csv = new StringBuilder("Organization;Country;Email\n");
		for (int i = 1; i <= rows; i++) {
			String email = (i == bad) ? "not-an-email" : "person" + i + "." + marker + "@example.org";
			csv.append("Org ").append(i).append(' ').append(marker).append(";PL;").append(email).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A run planned and waiting for review: no launcher picks it up, the test runs it.
	 */
	private long prepared(byte[] file) {
		return this.imports
			.prepare(new ByteArrayInputStream(file), "partners.csv", ImportOptions.defaults(), "API", "admin")
			.id();
	}

	/** The job's execution context as its listener fills it when the whole job runs. */
	private ExecutionContext plan(long id) {
		ImportRuns.StoredPlan stored = this.runs.storedPlan(id).orElseThrow();
		ExecutionContext context = new ExecutionContext();
		ImportPlan.of(stored, MappingJson.read(this.json, stored.mappingJson())).writeTo(context);
		return context;
	}

	private List<OrganizationSummary> orgs(String q) {
		return this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

}
