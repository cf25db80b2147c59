package org.outreachcrm.directory.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query, filters, sorting and page of a directory list as the page's form and links
 * carry them. Builds the links so that sorting keeps the filters and paging keeps both.
 */
class DirectoryFilter {

	/** Rows on one page of the organization and contact lists. */
	static final int PAGE_SIZE = 25;

	/** The first choices a picker offers while the user types. */
	static final Pageable PICKER_PAGE = PageRequest.of(0, 20);

	private @Nullable String q;

	private @Nullable OrganizationType type;

	private @Nullable String country;

	private @Nullable PartnershipStage stage;

	private @Nullable String tag;

	private @Nullable String sort;

	private @Nullable String dir;

	private int page;

	DirectoryQuery query() {
		return new DirectoryQuery(Requests.blankToNull(this.q), this.type, Requests.country(this.country), this.stage,
				Requests.blankToNull(this.tag), null);
	}

	/** What a picker searches for when the user has typed {@code q}. */
	static DirectoryQuery pickerQuery(@Nullable String q) {
		return DirectoryQuery.text((q == null) ? "" : q);
	}

	/**
	 * The page to show, sorted by {@link #getSort()} when it is one of {@code sortable};
	 * other values fall back to the default order rather than failing the page.
	 */
	Pageable pageable(Set<String> sortable) {
		Sort order = (this.sort != null && sortable.contains(this.sort))
				? Sort.by(descending() ? Sort.Direction.DESC : Sort.Direction.ASC, this.sort) : Sort.unsorted();
		return PageRequest.of(Math.max(0, this.page), PAGE_SIZE, order);
	}

	/**
	 * Link that sorts by {@code column}, reversing the order when it already sorts by it.
	 */
	public String sortUrl(String path, String column) {
		boolean reverse = column.equals(this.sort) && !descending();
		return url(path, column, reverse ? "desc" : null, 0);
	}

	/** Link to page {@code number} (zero-based) with the same filters and order. */
	public String pageUrl(String path, int number) {
		return url(path, this.sort, this.dir, number);
	}

	/** The {@code aria-sort} value of a column header. */
	public String ariaSort(String column) {
		if (!column.equals(this.sort)) {
			return "none";
		}
		return descending() ? "descending" : "ascending";
	}

	private boolean descending() {
		return "desc".equalsIgnoreCase(this.dir);
	}

	private String url(String path, @Nullable String sortBy, @Nullable String direction, int number) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		param(builder, "q", this.q);
		param(builder, "type", (this.type != null) ? this.type.name() : null);
		param(builder, "country", this.country);
		param(builder, "stage", (this.stage != null) ? this.stage.name() : null);
		param(builder, "tag", this.tag);
		param(builder, "sort", sortBy);
		param(builder, "dir", direction);
		if (number > 0) {
			builder.queryParam("page", number);
		}
		return builder.encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder builder, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			builder.queryParam(name, value);
		}
	}

	public @Nullable String getQ() {
		return this.q;
	}

	public void setQ(@Nullable String q) {
		this.q = q;
	}

	public @Nullable OrganizationType getType() {
		return this.type;
	}

	public void setType(@Nullable OrganizationType type) {
		this.type = type;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public @Nullable PartnershipStage getStage() {
		return this.stage;
	}

	public void setStage(@Nullable PartnershipStage stage) {
		this.stage = stage;
	}

	public @Nullable String getTag() {
		return this.tag;
	}

	public void setTag(@Nullable String tag) {
		this.tag = tag;
	}

	public @Nullable String getSort() {
		return this.sort;
	}

	public void setSort(@Nullable String sort) {
		this.sort = sort;
	}

	public @Nullable String getDir() {
		return this.dir;
	}

	public void setDir(@Nullable String dir) {
		this.dir = dir;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
