package org.outreachcrm.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the directory's lists and searches ({@code crm.directory.*}).
 *
 * @param countCap a list or search counts its matches up to this many; above it the page
 * walks the sort order, stops after its rows and reports "more than" this many instead of
 * reading every match (issue 20)
 * @param walkRows how far (in records, beyond the page's own end) a search above the cap
 * walks the name order checking each record's words before it gives up and sorts the
 * words' matches instead: matches that cluster late in the order ("maria" among names
 * sorted by given name) would otherwise make the walk read most of the directory
 */
@Validated
@ConfigurationProperties("crm.directory")
record DirectoryProperties(@DefaultValue("1000") @Min(1) @Max(1_000_000) int countCap,
		@DefaultValue("500") @Min(0) @Max(1_000_000) int walkRows) {
}
