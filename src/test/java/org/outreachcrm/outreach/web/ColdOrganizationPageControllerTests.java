package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.ColdOrganization;
import org.outreachcrm.outreach.ColdOrganizations;
import org.outreachcrm.shared.LowerBoundTotal;
import org.outreachcrm.shared.web.Plurals;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(ColdOrganizationPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, Plurals.class })
class ColdOrganizationPageControllerTests {

	static final Instant CREATED = Instant.parse("2026-01-02T10:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ColdOrganizations cold;

	@MockitoBean
	UserAccounts users;

	@Test
	void listsOrganizationsGoingColdWithTheChosenThreshold() {
		given(this.cold.list(eq(30), any()))
			.willReturn(
					new PageImpl<>(
							List.of(new ColdOrganization(7, "Sindicatul <b>Liber</b>", "RO",
									OrganizationType.TRADE_UNION, PartnershipStage.ENGAGED, null, CREATED, 120)),
							PageRequest.of(0, 50), 1));

		MvcTestResult result = this.mvc.get()
			.uri("/outreach/going-cold?days=30")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Sindicatul &lt;b&gt;Liber&lt;/b&gt;")
			.contains("/organizations/7")
			.contains("Trade union")
			.contains("never")
			.contains("120");
	}

	@Test
	void aPageReadWithoutCountingOffersTheNextPageWithoutALastPageNumber() {
		List<ColdOrganization> page = java.util.stream.IntStream.range(0, 50)
			.mapToObj((i) -> new ColdOrganization(100 + i, "Org " + i, "RO", OrganizationType.NGO,
					PartnershipStage.ENGAGED, null, CREATED, 120))
			.toList();
		given(this.cold.list(any(), any())).willReturn(new Uncounted(page, PageRequest.of(2, 50)));

		MvcTestResult result = this.mvc.get()
			.uri("/outreach/going-cold?page=2")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).bodyText()
			.contains(">Page 3<", "page=1", "page=3", ">Next<", ">Previous<")
			.doesNotContain("Page 3 of", "page=0\"");
	}

	/** A page whose total is a lower bound, as {@code ColdOrganizations} answers. */
	static final class Uncounted extends PageImpl<ColdOrganization> implements LowerBoundTotal {

		Uncounted(List<ColdOrganization> content, PageRequest request) {
			super(content, request, request.getOffset() + request.getPageSize() + 1);
		}

		@Override
		public boolean isTotalExact() {
			return false;
		}

	}

	@Test
	void zeroDaysIsRefusedWithAMessageAndTheEmptyStateTellsTheThreshold() {
		MvcTestResult refused = this.mvc.get()
			.uri("/outreach/going-cold?days=0")
			.with(user("anna").roles("STAFF"))
			.exchange();
		assertThat(refused).bodyText()
			.contains("id=\"days-error\"", "Give a number of days of 1 or more.")
			.doesNotContain("id=\"cold-none\"");

		given(this.cold.days(45)).willReturn(45);
		given(this.cold.list(eq(45), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 50), 0));
		assertThat(
				this.mvc.get().uri("/outreach/going-cold?days=45&lang=pl").with(user("anna").roles("STAFF")).exchange())
			.bodyText()
			.contains("starsza niż 45 dni", "ostatnich 45 dni");
	}

	@Test
	void showsPolishLabels() {
		given(this.cold.list(any(), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 50), 0));
		MvcTestResult result = this.mvc.get()
			.uri("/outreach/going-cold?lang=pl")
			.with(user("anna").roles("STAFF"))
			.exchange();
		assertThat(result).bodyText().contains("Organizacje, z którymi kontakt stygnie");
	}

}
