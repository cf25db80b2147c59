package org.outreachcrm.reports.web;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Validator;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportQueries;
import org.outreachcrm.reports.ReportRunRequest;
import org.outreachcrm.reports.ReportRunStatus;
import org.outreachcrm.reports.ReportRunView;
import org.outreachcrm.reports.ReportRuns;
import org.outreachcrm.reports.ReportType;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.DateFormats;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.PageController;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reports for managers: run one on demand, the history, a run's HTML view and file. */
@PageController
@RequestMapping("/reports")
class ReportPageController {

	static final int PAGE_SIZE = 20;

	private final ReportRuns runs;

	private final ReportQueries queries;

	private final ReportViews views;

	private final Validator validator;

	ReportPageController(ReportRuns runs, ReportQueries queries, ReportViews views, Validator validator) {
		this.runs = runs;
		this.queries = queries;
		this.views = views;
		this.validator = validator;
	}

	@ModelAttribute("reportTypes")
	ReportType[] types() {
		return ReportType.values();
	}

	@ModelAttribute("reportPeriods")
	ReportPeriod[] periods() {
		return ReportPeriod.values();
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("form", new ReportRunForm());
		return page(model, page);
	}

	@GetMapping("/history")
	String history(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("runs", this.runs.list(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "reports/reports :: history";
	}

	@PostMapping("/runs")
	String run(@ModelAttribute("form") ReportRunForm form, BindingResult result, Model model, Locale locale) {
		ReportRunRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, Map.of());
		if (result.hasErrors()) {
			return page(model, 0);
		}
		try {
			long id = this.runs.request(request, locale, ViewFormats.currentZone());
			return "redirect:/reports/runs/" + id;
		}
		catch (BusinessRuleException ex) {
			result.rejectValue(ex.messageKey().startsWith("reports.error.period") ? "to" : "type", ex.messageKey(),
					ex.arguments(), ex.getMessage());
			return page(model, 0);
		}
	}

	@GetMapping("/runs/{id}")
	String view(@PathVariable long id, Model model, Locale locale) {
		ReportRunView run = this.runs.get(id);
		model.addAttribute("run", run);
		Instant computed = run.computedAt() != null ? run.computedAt() : run.finishedAt();
		if (computed != null) {
			// the viewer's zone as every page has it (their setting, else the browser's)
			ZoneId zone = ViewFormats.currentZone();
			model.addAttribute("computedAt",
					DateFormats.dateTime(LocalDateTime.ofInstant(computed, zone), locale) + " (" + zone.getId() + ")");
		}
		model.addAttribute("finished",
				run.status() != ReportRunStatus.QUEUED && run.status() != ReportRunStatus.RUNNING);
		if (run.status() == ReportRunStatus.COMPLETED) {
			model.addAttribute("report", this.views.of(this.runs.data(id), locale));
		}
		model.addAttribute("deliveries", this.runs.deliveries(id));
		return "reports/report-view";
	}

	/** Computes the run's report again as a new run; the old one keeps its figures. */
	@PostMapping("/runs/{id}/again")
	String again(@PathVariable long id, Locale locale) {
		return "redirect:/reports/runs/" + this.runs.runAgain(id, locale);
	}

	@GetMapping("/runs/{id}/file")
	ResponseEntity<Resource> file(@PathVariable long id) {
		Path file = this.runs.file(id);
		return ResponseEntity.ok()
			.contentType(ReportApiController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	private String page(Model model, int page) {
		model.addAttribute("runs", this.runs.list(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("campaigns", this.queries.campaigns());
		return "reports/reports";
	}

}
