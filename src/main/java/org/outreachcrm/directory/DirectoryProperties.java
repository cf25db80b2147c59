package org.outreachcrm.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the directory's lists and searches ({@code crm.directory.*}).
 *
 * @param countCap a list or search counts its matches up to this many; above it the page
 * walks the sort order, stops after its rows and reports "more than" this many instead of
 * reading every match (issue 20)
 * @param walkRows how far (in records, beyond the page's own end) an organization search
 * (or a people list without words) above the cap walks the name order checking each
 * record's words before it gives up and sorts the words' matches instead: matches that
 * cluster late in the order would otherwise make the walk read most of the directory
 * @param peopleWalkRows the same for people, whose walk checks each name against the
 * words' joined set in memory instead of reading its tokens (a few milliseconds per
 * thousand names, issue 20), so that matches clustered in the name order (a family name
 * where it comes first) are still found by the walk
 */
@Validated
@ConfigurationProperties("crm.directory")
record DirectoryProperties(@DefaultValue("1000") @Min(1) @Max(1_000_000) int countCap,
		@DefaultValue("500") @Min(0) @Max(1_000_000) int walkRows,
		@DefaultValue("20000") @Min(0) @Max(1_000_000) int peopleWalkRows) {

	@ConstructorBinding
	DirectoryProperties {
	}

	/** One budget for both walks (tests). */
	DirectoryProperties(int countCap, int walkRows) {
		this(countCap, walkRows, walkRows);
	}

}
