package org.outreachcrm.reports.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.reports.ReportSchedules;
import org.outreachcrm.reports.ScheduleRequest;
import org.outreachcrm.reports.ScheduleView;
import org.outreachcrm.shared.web.SortableBy;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/schedules")
@Tag(name = "Report schedules", description = "Reports run and emailed on a schedule (MANAGER, ADMIN)")
class ReportScheduleApiController {

	private final ReportSchedules schedules;

	ReportScheduleApiController(ReportSchedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	@Operation(summary = "List report schedules")
	PagedModel<ScheduleView> list(@SortableBy({ "name", "reportType", "period", "frequency", "enabled", "createdAt",
			"updatedAt" }) Pageable pageable) {
		return new PagedModel<>(this.schedules.list(pageable));
	}

	@PostMapping
	@Operation(summary = "Create a schedule", description = "frequency DAILY, WEEKLY (dayOfWeek), MONTHLY "
			+ "(dayOfMonth 1-28) at time HH:mm in timeZone, or CRON with a Spring cron expression (six fields); "
			+ "an invalid cron or zone answers 422. The caller owns the schedule: its runs use the owner's countries.")
	ResponseEntity<ScheduleView> create(@Valid @RequestBody ScheduleRequest request) {
		ScheduleView created = this.schedules.create(request);
		return ResponseEntity.created(URI.create("/api/reports/schedules/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a schedule, with its next run and the outcome of the last one")
	ScheduleView get(@PathVariable long id) {
		return this.schedules.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a schedule", description = "a stale version answers 409")
	ScheduleView update(@PathVariable long id, @Valid @RequestBody ScheduleRequest request) {
		return this.schedules.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a schedule", description = "its past runs stay in the history")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.schedules.delete(id, version);
		return ResponseEntity.noContent().build();
	}

}
