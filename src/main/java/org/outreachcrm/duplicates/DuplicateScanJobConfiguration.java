package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.Candidate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The full scan for duplicates, a Spring Batch job over one kind of record:
 * <ol>
 * <li>{@code buildDuplicateKeys}: reads every record in id order, a page per chunk
 * (keyset paging: a page is an index range, and a restart starts after the last id
 * written), computes the blocking keys on every core and writes only the keys missing
 * from {@code duplicate_key} (all of them on the first scan, next to none once the check
 * on save keeps them current), removing stale ones ({@link ScanKeyWriter});</li>
 * <li>{@code scoreDuplicatePairs}: reads the blocks of 2 to
 * {@code crm.duplicates.max-block} records along the key table's key index
 * ({@link ScanBlockReader}), and per chunk of blocks reads the records of the pairs not
 * scored yet with one query per 500, scores them on every core and stores the new pairs
 * ({@link ScanPairWriter}).</li>
 * </ol>
 * Each step saves its position with each chunk, so a restarted scan resumes after its
 * last committed chunk, and a pair is stored once whatever the restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuplicatesProperties.class)
class DuplicateScanJobConfiguration {

	static final String JOB_NAME = "duplicateScan";

	static final String SCAN_ID = "scanId";

	static final String KIND = "kind";

	@Bean
	Job duplicateScan(JobRepository jobRepository, Step buildDuplicateKeys, Step scoreDuplicatePairs,
			DuplicateScanListener duplicateScanListener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(buildDuplicateKeys)
			.next(scoreDuplicatePairs)
			.listener(duplicateScanListener)
			.build();
	}

	@Bean
	Step buildDuplicateKeys(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<Candidate> duplicateRecordReader, ScanKeyWriter scanKeyWriter,
			DuplicatesProperties properties) {
		return new StepBuilder("buildDuplicateKeys", jobRepository).<Candidate, Candidate>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(duplicateRecordReader)
			.writer(scanKeyWriter)
			.listener(scanKeyWriter)
			.build();
	}

	@Bean
	Step scoreDuplicatePairs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ScanBlockReader scanBlockReader, ScanPairWriter scanPairWriter, DuplicatesProperties properties) {
		return new StepBuilder("scoreDuplicatePairs", jobRepository).<DuplicateStore.Block, DuplicateStore.Block>chunk(
				blocksPerChunk(properties))
			.transactionManager(transactionManager)
			.reader(scanBlockReader)
			.writer(scanPairWriter)
			.listener(scanPairWriter)
			.build();
	}

	/** A block holds two to three records in most cases: about a chunk's records. */
	private static int blocksPerChunk(DuplicatesProperties properties) {
		return Math.max(10, properties.chunkSize() / 2);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<Candidate> duplicateRecordReader(DataSource dataSource,
			@Value("#{jobParameters['kind']}") String kind, DuplicatesProperties properties) throws Exception {
		MergeKind mergeKind = MergeKind.valueOf(kind);
		return new JdbcPagingItemReaderBuilder<Candidate>().name("duplicateRecords")
			.dataSource(dataSource)
			.selectClause(DirectoryCandidates.selectClause(mergeKind))
			.fromClause(DirectoryCandidates.fromClause(mergeKind))
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(properties.chunkSize())
			.rowMapper((rs, n) -> DirectoryCandidates.candidate(rs))
			.build();
	}

	@Bean
	@StepScope
	ScanKeyWriter scanKeyWriter(DuplicateStore store, @Value("#{jobParameters['kind']}") String kind) {
		return new ScanKeyWriter(store, MergeKind.valueOf(kind));
	}

	@Bean
	@StepScope
	ScanTimes scanPairTimes() {
		return new ScanTimes();
	}

	@Bean
	@StepScope
	ScanBlockReader scanBlockReader(DuplicateStore store, @Value("#{jobParameters['kind']}") String kind,
			DuplicatesProperties properties, ScanTimes scanPairTimes) {
		return new ScanBlockReader(store, MergeKind.valueOf(kind), properties.maxBlock(), blocksPerChunk(properties),
				scanPairTimes);
	}

	@Bean
	@StepScope
	ScanPairWriter scanPairWriter(DirectoryCandidates candidates, DuplicateStore store, ScanRuns runs, Clock clock,
			@Value("#{jobParameters['kind']}") String kind, @Value("#{jobParameters['scanId']}") Long scanId,
			ScanTimes scanPairTimes) {
		return new ScanPairWriter(candidates, store, runs, clock, MergeKind.valueOf(kind), scanId, scanPairTimes);
	}

	@Bean
	DuplicateScanListener duplicateScanListener(ScanRuns runs) {
		return new DuplicateScanListener(runs);
	}

}
