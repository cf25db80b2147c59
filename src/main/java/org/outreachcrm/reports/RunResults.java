package org.outreachcrm.reports;

import org.springframework.stereotype.Component;

/**
 * The report a run computed, as stored with it (page, API and mail show that, not a new
 * count). Runs completed before results were stored (before V120) are computed again from
 * their filter and scope.
 */
@Component
class RunResults {

	private final RunStore store;

	private final ResultCodec codec;

	private final ReportQueries queries;

	RunResults(RunStore store, ResultCodec codec, ReportQueries queries) {
		this.store = store;
		this.codec = codec;
		this.queries = queries;
	}

	ReportData of(RunStore.StoredRun run) {
		return this.store.result(run.view().id())
			.map((json) -> this.codec.read(json).data(run.filter(), run.scope()))
			.orElseGet(() -> this.queries.compute(run.filter(), run.scope()));
	}

	void keep(long runId, ReportData data) {
		this.store.storeResult(runId, this.codec.write(ReportResult.of(data)), data.generatedAt());
	}

}
