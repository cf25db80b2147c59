package org.outreachcrm.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Report runs: asking for one (queued and computed in the background within the caller's
 * country scope), its status, its file, the history. A manager limited to some countries
 * sees the runs they asked for (and their schedules' runs); managers and admins with
 * every country see every run.
 */
@Service
public class ReportRuns {

	private final RunStore store;

	private final ReportRunner runner;

	private final ReportFiles files;

	private final CurrentScope scope;

	private final RunResults results;

	private final Clock clock;

	ReportRuns(RunStore store, ReportRunner runner, ReportFiles files, CurrentScope scope, RunResults results,
			Clock clock) {
		this.results = results;
		this.store = store;
		this.runner = runner;
		this.files = files;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Queues a run with the caller's scope and language; answers its id at once. A named
	 * period counts back from today in UTC (API callers name no zone).
	 */
	public long request(ReportRunRequest request, Locale locale) {
		return request(request, locale, ZoneOffset.UTC);
	}

	/**
	 * Queues a run as {@link #request(ReportRunRequest, Locale)} does, a named period
	 * counted back from today in {@code zone} (the viewer's): on 1 January in Auckland
	 * "last month" is December, though it is still 31 December in UTC.
	 */
	public long request(ReportRunRequest request, Locale locale, ZoneId zone) {
		ReportFilter filter = filter(request, LocalDate.ofInstant(this.clock.instant(), zone));
		long id = this.store.insert(filter, this.scope.get(), locale, currentUsername(), this.clock.instant());
		this.runner.submit(id);
		return id;
	}

	/** The filter a request stands for; a named period counts back from {@code today}. */
	static ReportFilter filter(ReportRunRequest request, LocalDate today) {
		ReportPeriod period = request.period() == null ? ReportPeriod.CUSTOM : request.period();
		LocalDate from;
		LocalDate to;
		if (period == ReportPeriod.CUSTOM) {
			if (request.from() == null || request.to() == null) {
				throw new BusinessRuleException("reports.error.periodRequired", "Give the first and the last day");
			}
			from = request.from();
			to = request.to();
		}
		else {
			from = period.from(today);
			to = period.to(today);
		}
		if (to.isBefore(from)) {
			throw new BusinessRuleException("reports.error.periodOrder", "The period ends before it starts");
		}
		if (to.isAfter(from.plusYears(5))) {
			throw new BusinessRuleException("reports.error.periodTooLong", "A report covers at most five years");
		}
		List<String> countries = request.countries() == null ? List.of() : request.countries();
		return new ReportFilter(request.type(), from, to, new HashSet<>(countries), request.campaignId());
	}

	public ReportRunView get(long id) {
		return visible(id).view();
	}

	/** The run's workbook, once it is completed. */
	public Path file(long id) {
		ReportRunView run = get(id);
		Path path = run.fileName() == null ? null : this.files.resolve(run.fileName()).orElse(null);
		if (path == null || !Files.exists(path)) {
			throw new NotFoundException("Report file of run", id);
		}
		return path;
	}

	/**
	 * The report a completed run computed, as stored with it: reopening a run shows the
	 * figures of its workbook, whatever changed since.
	 */
	public ReportData data(long id) {
		RunStore.StoredRun run = visible(id);
		return stored(run);
	}

	private ReportData stored(RunStore.StoredRun run) {
		return this.results.of(run);
	}

	/** What a completed run computed, for the API; 404 until it is completed. */
	public ReportResult result(long id) {
		RunStore.StoredRun run = visible(id);
		if (run.view().status() != ReportRunStatus.COMPLETED) {
			throw new NotFoundException("Result of report run", id);
		}
		return ReportResult.of(stored(run));
	}

	/**
	 * Runs a visible run's report again, over the same period and filters, within the
	 * caller's scope: a new run beside the old one, which keeps its figures.
	 */
	public long runAgain(long id, Locale locale) {
		ReportFilter filter = visible(id).filter();
		long again = this.store.insert(filter, this.scope.get(), locale, currentUsername(), this.clock.instant());
		this.runner.submit(again);
		return again;
	}

	public List<DeliveryAttempt> deliveries(long id) {
		return this.store.deliveries(visible(id).view().id());
	}

	/** Newest first. */
	public Page<ReportRunView> list(Pageable pageable) {
		String by = this.scope.get().all() ? null : currentUsername();
		return new PageImpl<>(this.store.page(by, pageable.getPageSize(), pageable.getOffset()), pageable,
				this.store.count(by));
	}

	/**
	 * The newest runs the caller may see whose delivery failed, newest first, at most
	 * {@code limit}, however many other runs came after them.
	 */
	public List<ReportRunView> failedDeliveries(int limit) {
		String by = this.scope.get().all() ? null : currentUsername();
		return this.store.failedDeliveries(by, limit);
	}

	private RunStore.StoredRun visible(long id) {
		RunStore.StoredRun run = this.store.find(id).orElse(null);
		CountryScope caller = this.scope.get();
		if (run == null || !(caller.all() || run.view().requestedBy().equals(currentUsername()))) {
			throw new NotFoundException("Report run", id);
		}
		return run;
	}

	static String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
