package org.outreachcrm.imports;

import java.time.Clock;
import java.util.Objects;

import org.outreachcrm.directory.DirectoryBulkWriter;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The partner-list import job: one chunk-oriented step whose reader reads the sheet and
 * maps and normalizes each row, and whose writer writes chunks through the directory's
 * bulk path. The job repository lives in the application database, so a job interrupted
 * by a crash is restarted where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String JOB_NAME = "partnerListImport";

	static final String IMPORT_ID = "importId";

	@Bean
	Job partnerListImport(JobRepository jobRepository, Step importRows, ImportJobListener listener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importRows).listener(listener).build();
	}

	@Bean
	Step importRows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PartnerListReader partnerListReader, PartnerRowWriter partnerRowWriter, ImportsProperties properties) {
		return new StepBuilder("importRows", jobRepository).<RowResult, RowResult>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(partnerListReader)
			.writer(partnerRowWriter)
			.build();
	}

	@Bean
	@StepScope
	PartnerListReader partnerListReader(@Value("#{jobParameters['importId']}") Long importId, ImportRuns runs,
			ImportsProperties properties, ObjectMapper json) {
		ImportRuns.StoredPlan plan = plan(runs, importId);
		// the reader maps each row as it reads it (on its read-ahead thread): the mapper
		// is stateless, so no processor step is needed
		PartnerRowMapper mapper = new PartnerRowMapper(MappingJson.read(json, plan.mappingJson()).toMapping(),
				DateOrder.valueOf(plan.dateOrder()), plan.fileName(), plan.scope(), properties.readingLimits());
		return new PartnerListReader(new SpreadsheetOpener(properties.readingLimits()),
				properties.storageDir().resolve(plan.storedFile()), plan.fileName(), plan.sheetName(), plan.headerRow(),
				properties.readAhead(), mapper::map);
	}

	@Bean
	@StepScope
	PartnerRowWriter partnerRowWriter(@Value("#{jobParameters['importId']}") Long importId, ImportRuns runs,
			DirectoryBulkWriter directory) {
		ImportRuns.StoredPlan plan = plan(runs, importId);
		return new PartnerRowWriter(directory, runs, importId, plan.mode(), plan.dryRun(), plan.createdBy());
	}

	@Bean
	ImportJobListener importJobListener(ImportRuns runs, DirectoryBulkWriter directory, Clock clock) {
		return new ImportJobListener(runs, directory, clock);
	}

	private static ImportRuns.StoredPlan plan(ImportRuns runs, Long importId) {
		return runs.storedPlan(Objects.requireNonNull(importId))
			.orElseThrow(() -> new IllegalStateException("No import " + importId));
	}

}
