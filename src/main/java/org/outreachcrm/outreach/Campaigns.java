package org.outreachcrm.outreach;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and maintains campaigns and tells how far each has come. */
@Service
@Transactional
public class Campaigns {

	private final CampaignRepository campaigns;

	private final Organizations organizations;

	private final Interactions interactions;

	private final CurrentUser currentUser;

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scopeSql;

	private final InteractionDayCounts dayCounts;

	Campaigns(CampaignRepository campaigns, Organizations organizations, Interactions interactions,
			CurrentUser currentUser, NamedParameterJdbcTemplate jdbc, ScopeSql scopeSql,
			InteractionDayCounts dayCounts) {
		this.dayCounts = dayCounts;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.interactions = interactions;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.scopeSql = scopeSql;
	}

	public CampaignView create(CampaignRequest request) {
		Campaign campaign = new Campaign();
		long owner = request.ownerId() == null ? this.currentUser.id() : request.ownerId();
		campaign.apply(request, checked(request, owner), Set.of());
		return view(this.campaigns.saveAndFlush(campaign));
	}

	@Transactional(readOnly = true)
	public CampaignView get(long id) {
		return view(find(id));
	}

	/**
	 * Campaigns, latest start first (a client's sort is ignored: it would name columns).
	 */
	@Transactional(readOnly = true)
	public Page<CampaignView> list(Pageable pageable) {
		return this.campaigns.findAll(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				Sort.by(Sort.Order.desc("startsOn"), Sort.Order.desc("id"))))
			.map(this::view);
	}

	public CampaignView update(long id, CampaignRequest request) {
		Campaign campaign = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Campaign", id, request.version(), campaign.version());
		// no owner in the request keeps the owner: an edit never takes a campaign over
		long owner = request.ownerId() == null ? campaign.ownerId() : request.ownerId();
		campaign.apply(request, checked(request, owner), targetsOutsideScope(id));
		return view(this.campaigns.saveAndFlush(campaign));
	}

	/**
	 * Removes a campaign; its interactions stay, no longer linked to it. A campaign with
	 * targets (or linked interactions) outside the caller's countries is refused whole.
	 */
	public void delete(long id, @Nullable Long version) {
		Campaign campaign = find(id);
		if (version != null) {
			StaleVersionException.check("Campaign", id, version, campaign.version());
		}
		if (!targetsOutsideScope(id).isEmpty() || linkedInteractionsOutsideScope(id)) {
			throw new OutOfScopeException("scope.campaign.shared",
					"The campaign also reaches organizations outside your countries", id);
		}
		this.jdbc.update("UPDATE interaction SET campaign_id = NULL WHERE campaign_id = :id", Map.of("id", id));
		this.dayCounts.campaignRemoved(id);
		this.campaigns.delete(campaign);
	}

	/**
	 * Targets contacted (an interaction linked to the campaign, or any interaction with
	 * the target since the campaign's start date, 00:00 UTC), engaged (stage ENGAGED or
	 * PARTNER now) and not yet reached (not contacted). Interactions are counted per
	 * target in SQL; the directory's facts then place each target in its country and
	 * type.
	 */
	@Transactional(readOnly = true)
	public CampaignProgress progress(long id) {
		Campaign campaign = find(id);
		Map<Long, Long> interactionsPerTarget = new HashMap<>();
		this.jdbc.query("""
				SELECT t.organization_id, COUNT(i.id) AS n
				FROM campaign_target t
				LEFT JOIN interaction i ON i.organization_id = t.organization_id
				 AND (i.campaign_id = t.campaign_id OR i.occurred_at >= :start)
				WHERE t.campaign_id = :id
				GROUP BY t.organization_id""",
				new MapSqlParameterSource("id", id).addValue("start",
						OrganizationActivity.utc(campaign.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant())),
				(rs) -> {
					interactionsPerTarget.put(rs.getLong(1), rs.getLong(2));
				});
		List<OrganizationFacts> facts = this.organizations.facts(interactionsPerTarget.keySet());
		Map<String, long[]> total = new TreeMap<>();
		Map<String, long[]> byCountry = new TreeMap<>();
		Map<String, long[]> byType = new TreeMap<>();
		for (OrganizationFacts target : facts) {
			boolean contacted = interactionsPerTarget.getOrDefault(target.id(), 0L) > 0;
			boolean engaged = target.stage() == PartnershipStage.ENGAGED || target.stage() == PartnershipStage.PARTNER;
			add(total, "", contacted, engaged);
			add(byCountry, target.country() == null ? "" : target.country(), contacted, engaged);
			add(byType, target.type().name(), contacted, engaged);
		}
		Function<Map.Entry<String, long[]>, CampaignProgress.Row> row = (e) -> new CampaignProgress.Row(e.getKey(),
				e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[0] - e.getValue()[1]);
		CampaignProgress.Row sum = total.isEmpty() ? new CampaignProgress.Row("", 0, 0, 0, 0)
				: row.apply(total.entrySet().iterator().next());
		return new CampaignProgress(id, sum, new ArrayList<>(byCountry.entrySet().stream().map(row).toList()),
				new ArrayList<>(byType.entrySet().stream().map(row).toList()));
	}

	private static void add(Map<String, long[]> groups, String key, boolean contacted, boolean engaged) {
		long[] counts = groups.computeIfAbsent(key, (k) -> new long[3]);
		counts[0]++;
		counts[1] += contacted ? 1 : 0;
		counts[2] += engaged ? 1 : 0;
	}

	/** The campaign with only the targets the caller may see. */
	private CampaignView view(Campaign campaign) {
		if (this.scopeSql.current().all() || campaign.targets().isEmpty()) {
			return campaign.toView(campaign.targets());
		}
		return campaign.toView(this.organizations.facts(campaign.targets())
			.stream()
			.map(OrganizationFacts::id)
			.collect(Collectors.toSet()));
	}

	private Set<Long> targetsOutsideScope(long campaignId) {
		if (this.scopeSql.current().all()) {
			return Set.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", campaignId);
		String outside = this.scopeSql.outsideByOrganization("t", params);
		return Set.copyOf(this.jdbc.queryForList(
				"SELECT t.organization_id FROM campaign_target t WHERE t.campaign_id = :id" + outside, params,
				Long.class));
	}

	private boolean linkedInteractionsOutsideScope(long campaignId) {
		if (this.scopeSql.current().all()) {
			return false;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", campaignId);
		String outside = this.scopeSql.outsideByOrganization("i", params);
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM interaction i WHERE i.campaign_id = :id" + outside,
				params, Long.class);
		return count != null && count > 0;
	}

	private long checked(CampaignRequest request, long owner) {
		if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
			throw new BusinessRuleException("outreach.campaign.endsBeforeStart",
					"A campaign cannot end before it starts");
		}
		this.interactions.checkUser(owner);
		if (request.targetOrganizationIds() != null && !request.targetOrganizationIds().isEmpty()) {
			Set<Long> known = this.organizations.facts(request.targetOrganizationIds())
				.stream()
				.map(OrganizationFacts::id)
				.collect(Collectors.toSet());
			List<Long> unknown = request.targetOrganizationIds().stream().filter((t) -> !known.contains(t)).toList();
			if (!unknown.isEmpty()) {
				throw new BusinessRuleException("outreach.organization.unknown",
						"There is no organization with id " + unknown, unknown.toString());
			}
		}
		return owner;
	}

	private Campaign find(long id) {
		return this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
	}

}
