package org.outreachcrm.imports;

import java.time.Clock;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The partner-list import job: one chunk-oriented step whose reader streams the sheet's
 * data rows ({@link SheetRowReader}), whose processor maps and normalizes each row
 * ({@link PartnerRowMapper}) and whose writer writes chunks through the directory's bulk
 * path ({@link PartnerRowWriter}). The step's thread reads and writes; the rows it reads
 * are mapped meanwhile on the {@code importMapping} executor (Spring Batch 6's concurrent
 * item processing), so reading the sheet and mapping its rows use both cores. The mapped
 * rows reach the writer in file order, one chunk at a time in one transaction, so rows of
 * the same new partner still become one record and a restart resumes after the last
 * committed chunk. The three take the run's {@link ImportPlan} from the job's execution
 * context, where {@link ImportJobListener} put it once when the job started. The job
 * repository lives in the application database, so a job interrupted by a crash is
 * restarted where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration implements DisposableBean {

	static final String JOB_NAME = "partnerListImport";

	static final String IMPORT_ID = "importId";

	/**
	 * Maps the rows of every running import ({@code crm.imports.mapping-threads}); not a
	 * bean, so that Boot's own application task executor stays as it is.
	 */
	private final ThreadPoolTaskExecutor importMapping = new ThreadPoolTaskExecutor();

	@Bean
	Job partnerListImport(JobRepository jobRepository, Step importRows, ImportJobListener listener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importRows).listener(listener).build();
	}

	@Bean
	Step importRows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SheetRowReader sheetRowReader, PartnerRowMapper partnerRowMapper, PartnerRowWriter partnerRowWriter,
			ImportsProperties properties) {
		this.importMapping.setCorePoolSize(properties.mappingThreads());
		this.importMapping.setMaxPoolSize(properties.mappingThreads());
		this.importMapping.setThreadNamePrefix("import-map-");
		this.importMapping.setDaemon(true);
		this.importMapping.initialize();
		return new StepBuilder("importRows", jobRepository).<SheetRow, RowResult>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(sheetRowReader)
			.processor(partnerRowMapper)
			.writer(partnerRowWriter)
			.taskExecutor(this.importMapping)
			// two observations per row (read, process) took 6-7% of the step's thread;
			// the job's own observation and the run's counters say what an import did
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
	}

	@Override
	public void destroy() {
		this.importMapping.shutdown();
	}

	@Bean
	@StepScope
	SheetRowReader sheetRowReader(@Value("#{jobExecutionContext}") Map<String, Object> job,
			ImportsProperties properties) {
		ImportPlan plan = ImportPlan.from(job);
		return new SheetRowReader(new SpreadsheetOpener(properties.readingLimits()),
				properties.storageDir().resolve(plan.storedFile()), plan.fileName(), plan.format(), plan.sheetName(),
				plan.headerRow());
	}

	@Bean
	@StepScope
	PartnerRowMapper partnerRowMapper(@Value("#{jobExecutionContext}") Map<String, Object> job,
			ImportsProperties properties) {
		ImportPlan plan = ImportPlan.from(job);
		return new PartnerRowMapper(plan.mapping(), plan.dateOrder(), plan.fileName(), plan.scope(),
				properties.readingLimits());
	}

	@Bean
	@StepScope
	PartnerRowWriter partnerRowWriter(@Value("#{jobParameters['importId']}") Long importId,
			@Value("#{jobExecutionContext}") Map<String, Object> job, ImportRuns runs, DirectoryImport directory) {
		ImportPlan plan = ImportPlan.from(job);
		return new PartnerRowWriter(directory, runs, importId, plan.mode(), plan.dryRun(), plan.createdBy());
	}

	@Bean
	ImportJobListener importJobListener(ImportRuns runs, DirectoryImport directory, ObjectMapper json, Clock clock,
			ImportDuplicates duplicates) {
		return new ImportJobListener(runs, directory, json, clock, duplicates);
	}

}
