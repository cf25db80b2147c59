package org.outreachcrm.reports.web;

import java.time.DayOfWeek;
import java.util.Map;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.reports.InvalidScheduleException;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportQueries;
import org.outreachcrm.reports.ReportSchedules;
import org.outreachcrm.reports.ReportType;
import org.outreachcrm.reports.ScheduleFrequency;
import org.outreachcrm.reports.ScheduleRequest;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Report schedules: the list, and the form with the friendly picker or a cron. */
@PageController
@RequestMapping("/reports/schedules")
class ReportSchedulePageController {

	private final ReportSchedules schedules;

	private final ReportQueries queries;

	private final Validator validator;

	ReportSchedulePageController(ReportSchedules schedules, ReportQueries queries, Validator validator) {
		this.schedules = schedules;
		this.queries = queries;
		this.validator = validator;
	}

	@ModelAttribute("reportTypes")
	ReportType[] types() {
		return ReportType.values();
	}

	@ModelAttribute("schedulePeriods")
	ReportPeriod[] periods() {
		// a schedule counts back from the day it fires: periods "so far" would be cut
		// short
		return new ReportPeriod[] { ReportPeriod.LAST_7_DAYS, ReportPeriod.LAST_30_DAYS, ReportPeriod.LAST_WEEK,
				ReportPeriod.LAST_MONTH, ReportPeriod.QUARTER };
	}

	@ModelAttribute("frequencies")
	ScheduleFrequency[] frequencies() {
		return ScheduleFrequency.values();
	}

	@ModelAttribute("days")
	DayOfWeek[] days() {
		return DayOfWeek.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("schedules",
				this.schedules.list(PageRequest.of(Math.max(page, 0), 50, Sort.by("name", "id"))));
		return "reports/schedule-list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new ScheduleForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") ScheduleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return save(null, form, result, model, redirect);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ScheduleForm.of(this.schedules.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ScheduleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return save(id, form, result, model, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.schedules.delete(id, null);
			redirect.addFlashAttribute("flash", "reports.schedule.deleted");
		}
		catch (OutOfScopeException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return "redirect:/reports/schedules";
	}

	private String save(@Nullable Long id, ScheduleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		ScheduleRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, Map.of("type", "type"));
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			if (id == null) {
				this.schedules.create(request);
			}
			else {
				this.schedules.update(id, request);
			}
			redirect.addFlashAttribute("flash", "reports.schedule.saved");
			return "redirect:/reports/schedules";
		}
		catch (InvalidScheduleException ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, id);
		}
		catch (StaleVersionException ex) {
			result.reject("reports.schedule.conflict", "Someone changed this schedule meanwhile");
			return form(model, id);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, id);
		}
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("scheduleId", id);
		model.addAttribute("campaigns", this.queries.campaigns());
		return "reports/schedule-form";
	}

}
