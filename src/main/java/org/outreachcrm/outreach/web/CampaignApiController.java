package org.outreachcrm.outreach.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.CampaignProgress;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;

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
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Outreach campaigns, their targets and progress")
class CampaignApiController {

	private final Campaigns campaigns;

	CampaignApiController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping
	@Operation(summary = "List campaigns")
	PagedModel<CampaignView> list(Pageable pageable) {
		return new PagedModel<>(this.campaigns.list(pageable));
	}

	@PostMapping
	@Operation(summary = "Create a campaign", description = "ownerId defaults to the current user")
	ResponseEntity<CampaignView> create(@Valid @RequestBody CampaignRequest request) {
		CampaignView created = this.campaigns.create(request);
		return ResponseEntity.created(URI.create("/api/campaigns/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a campaign")
	CampaignView get(@PathVariable long id) {
		return this.campaigns.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a campaign", description = "a stale version answers 409")
	CampaignView update(@PathVariable long id, @Valid @RequestBody CampaignRequest request) {
		return this.campaigns.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a campaign", description = "its interactions stay, unlinked")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.campaigns.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/progress")
	@Operation(summary = "Targets contacted, engaged and not yet reached, by country and organization type",
			description = "contacted: an interaction linked to the campaign or any interaction since its start date")
	CampaignProgress progress(@PathVariable long id) {
		return this.campaigns.progress(id);
	}

}
