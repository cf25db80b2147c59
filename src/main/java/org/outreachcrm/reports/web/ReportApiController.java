package org.outreachcrm.reports.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.outreachcrm.reports.DeliveryAttempt;
import org.outreachcrm.reports.ReportResult;
import org.outreachcrm.reports.ReportRunRequest;
import org.outreachcrm.reports.ReportRunView;
import org.outreachcrm.reports.ReportRuns;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/runs")
@Tag(name = "Reports", description = "Report runs on demand, their status, files and history (MANAGER, ADMIN)")
class ReportApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ReportRuns runs;

	ReportApiController(ReportRuns runs) {
		this.runs = runs;
	}

	@PostMapping
	@Operation(summary = "Run a report", description = "answers 202 at once with the run's id; the report is "
			+ "computed in the background within the caller's country scope. Give either period (LAST_WEEK, "
			+ "LAST_MONTH, QUARTER) or from and to (YYYY-MM-DD, both included); countries and campaignId filter.")
	ResponseEntity<ReportRunView> run(@Valid @RequestBody ReportRunRequest request, Locale locale) {
		long id = this.runs.request(request, locale);
		return ResponseEntity.accepted().location(URI.create("/api/reports/runs/" + id)).body(this.runs.get(id));
	}

	@GetMapping
	@Operation(summary = "History of report runs, newest first")
	PagedModel<ReportRunView> list(Pageable pageable) {
		return new PagedModel<>(this.runs.list(pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A run's status (QUEUED, RUNNING, COMPLETED, FAILED, SKIPPED_EMPTY), file name and message")
	ReportRunView get(@PathVariable long id) {
		return this.runs.get(id);
	}

	@GetMapping("/{id}/result")
	@Operation(summary = "What a completed run computed: figures, tables (every day, week or month of the period, "
			+ "with zeros) and charts, with the time it computed them (404 until completed)")
	ReportResult result(@PathVariable long id) {
		return this.runs.result(id);
	}

	@PostMapping("/{id}/again")
	@Operation(summary = "Run a report again over the same period and filters: a new run (202); the old one keeps "
			+ "its figures")
	ResponseEntity<ReportRunView> again(@PathVariable long id, Locale locale) {
		long again = this.runs.runAgain(id, locale);
		return ResponseEntity.accepted().location(URI.create("/api/reports/runs/" + again)).body(this.runs.get(again));
	}

	@GetMapping("/{id}/file")
	@Operation(summary = "Download a completed run's XLSX workbook")
	ResponseEntity<Resource> file(@PathVariable long id) {
		Path file = this.runs.file(id);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "Email delivery attempts of a run, oldest first")
	List<DeliveryAttempt> deliveries(@PathVariable long id) {
		return this.runs.deliveries(id);
	}

}
