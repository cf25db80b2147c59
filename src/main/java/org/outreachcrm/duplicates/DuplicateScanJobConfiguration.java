package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.PairScorer;
import org.outreachcrm.duplicates.matching.Profile;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The full scan for duplicates, a Spring Batch job over one kind of record:
 * <ol>
 * <li>{@code clearDuplicateKeys}: drops the kind's blocking keys;</li>
 * <li>{@code buildDuplicateKeys}: reads every record in id order, computes its keys (the
 * processor: folding and transliteration, once per record) and writes them in
 * batches;</li>
 * <li>{@code scoreDuplicatePairs}: reads the candidate pairs from one self-join of the
 * keys (blocks larger than {@code crm.duplicates.max-block} left out), and per chunk
 * loads the records of the chunk with one query, scores each pair and stores the new
 * ones.</li>
 * </ol>
 * Both chunked steps read with database cursors in a fixed order and save their position,
 * so a restarted scan resumes after its last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuplicatesProperties.class)
class DuplicateScanJobConfiguration {

	static final String JOB_NAME = "duplicateScan";

	static final String SCAN_ID = "scanId";

	static final String KIND = "kind";

	@Bean
	Job duplicateScan(JobRepository jobRepository, Step clearDuplicateKeys, Step buildDuplicateKeys,
			Step scoreDuplicatePairs, DuplicateScanListener duplicateScanListener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(clearDuplicateKeys)
			.next(buildDuplicateKeys)
			.next(scoreDuplicatePairs)
			.listener(duplicateScanListener)
			.build();
	}

	@Bean
	Step clearDuplicateKeys(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DuplicateStore store) {
		return new StepBuilder("clearDuplicateKeys", jobRepository).tasklet((contribution, context) -> {
			String kind = (String) context.getStepContext().getJobParameters().get(KIND);
			store.clearKeys(MergeKind.valueOf(kind));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step buildDuplicateKeys(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<Candidate> duplicateRecordReader,
			ItemProcessor<Candidate, RecordKeys> blockingKeyProcessor, ItemWriter<RecordKeys> blockingKeyWriter,
			DuplicatesProperties properties) {
		return new StepBuilder("buildDuplicateKeys", jobRepository).<Candidate, RecordKeys>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(duplicateRecordReader)
			.processor(blockingKeyProcessor)
			.writer(blockingKeyWriter)
			.build();
	}

	@Bean
	Step scoreDuplicatePairs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<CandidatePair> candidatePairReader, ItemWriter<CandidatePair> duplicatePairWriter,
			DuplicatesProperties properties) {
		return new StepBuilder("scoreDuplicatePairs", jobRepository)
			.<CandidatePair, CandidatePair>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(candidatePairReader)
			.writer(duplicatePairWriter)
			.build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<Candidate> duplicateRecordReader(DataSource dataSource,
			@Value("#{jobParameters['kind']}") String kind) {
		return new JdbcCursorItemReaderBuilder<Candidate>().name("duplicateRecords")
			.dataSource(dataSource)
			.sql(DirectoryCandidates.all(MergeKind.valueOf(kind)))
			.fetchSize(1000)
			.rowMapper((rs, n) -> DirectoryCandidates.candidate(rs))
			.build();
	}

	@Bean
	@StepScope
	ItemProcessor<Candidate, RecordKeys> blockingKeyProcessor(@Value("#{jobParameters['kind']}") String kind) {
		MergeKind mergeKind = MergeKind.valueOf(kind);
		return (candidate) -> new RecordKeys(candidate.id(),
				BlockingKeys.of(DuplicateCheck.profile(mergeKind, candidate)));
	}

	@Bean
	@StepScope
	ItemWriter<RecordKeys> blockingKeyWriter(DuplicateStore store, @Value("#{jobParameters['kind']}") String kind) {
		MergeKind mergeKind = MergeKind.valueOf(kind);
		return (chunk) -> {
			Map<Long, Set<String>> keys = new HashMap<>();
			chunk.forEach((item) -> keys.put(item.id(), item.keys()));
			// the first step cleared the kind's keys, and a failed chunk rolled back
			store.addKeys(mergeKind, keys);
		};
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<CandidatePair> candidatePairReader(DataSource dataSource,
			@Value("#{jobParameters['kind']}") String kind, DuplicatesProperties properties) {
		return new JdbcCursorItemReaderBuilder<CandidatePair>().name("candidatePairs").dataSource(dataSource).sql("""
				SELECT DISTINCT k1.record_id AS first_id, k2.record_id AS second_id
				FROM duplicate_key k1
				JOIN duplicate_key k2 ON k2.kind = k1.kind AND k2.block_key = k1.block_key
				  AND k2.record_id > k1.record_id
				WHERE k1.kind = ? AND k1.block_key IN (
				  SELECT b.block_key FROM duplicate_key b WHERE b.kind = ?
				  GROUP BY b.block_key HAVING COUNT(*) BETWEEN 2 AND ?)
				ORDER BY first_id, second_id""").preparedStatementSetter((statement) -> {
			statement.setString(1, kind);
			statement.setString(2, kind);
			statement.setInt(3, properties.maxBlock());
		}).fetchSize(1000).rowMapper((rs, n) -> new CandidatePair(rs.getLong(1), rs.getLong(2))).build();
	}

	@Bean
	@StepScope
	ItemWriter<CandidatePair> duplicatePairWriter(DirectoryCandidates candidates, DuplicateStore store, ScanRuns runs,
			Clock clock, @Value("#{jobParameters['kind']}") String kind,
			@Value("#{jobParameters['scanId']}") Long scanId) {
		MergeKind mergeKind = MergeKind.valueOf(kind);
		return (chunk) -> {
			Set<Long> ids = new LinkedHashSet<>();
			chunk.forEach((pair) -> {
				ids.add(pair.firstId());
				ids.add(pair.secondId());
			});
			Map<Long, Profile> profiles = new HashMap<>();
			for (Candidate candidate : candidates.byIds(mergeKind, ids)) {
				profiles.put(candidate.id(), DuplicateCheck.profile(mergeKind, candidate));
			}
			List<Match> matches = new ArrayList<>();
			for (CandidatePair pair : chunk) {
				Profile first = profiles.get(pair.firstId());
				Profile second = profiles.get(pair.secondId());
				if (first != null && second != null) {
					PairScorer.score(first, second).ifPresent(matches::add);
				}
			}
			int added = store.addPairs(mergeKind, matches, clock.instant());
			runs.addFound(scanId, added);
		};
	}

	@Bean
	DuplicateScanListener duplicateScanListener(ScanRuns runs) {
		return new DuplicateScanListener(runs);
	}

	/** A record's blocking keys. */
	record RecordKeys(long id, Set<String> keys) {
	}

	/** Two records sharing a blocking key, {@code firstId < secondId}. */
	record CandidatePair(long firstId, long secondId) {
	}

}
