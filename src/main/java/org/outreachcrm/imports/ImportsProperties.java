package org.outreachcrm.imports;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.outreachcrm.imports.reading.ReadingLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the imports module ({@code crm.imports.*}); defaults and comments in
 * application.yml.
 */
@Validated
@ConfigurationProperties("crm.imports")
record ImportsProperties(@NotNull Path inboxDir, @NotNull Duration inboxPollInterval, @NotNull Duration inboxSettleTime,
		@NotNull Path storageDir, @Min(10) int chunkSize, @Min(1) long maxXlsBytes, @Min(1) long maxOdsBytes,
		@Min(1) long maxOdsContentBytes, @NotNull Duration resumeInterval, @NotNull Duration claimTimeout,
		@DefaultValue("1073741824") @Min(1) long maxWorkbookEntryBytes,
		@DefaultValue("67108864") @Min(1) long maxWorkbookPartBytes,
		@DefaultValue("536870912") @Min(1) long maxSharedStringsBytes,
		@DefaultValue("0.04") @DecimalMin("0") @DecimalMax("1") double minSharedStringsRatio,
		@DefaultValue("10000000") @Min(1) int maxSharedStrings,
		@DefaultValue("268435456") @Min(1) long maxSharedStringsChars, @DefaultValue("32767") @Min(1) int maxCellChars,
		@DefaultValue("1000000") @Min(1) int maxRowChars, @DefaultValue("2") @Min(1) int mappingThreads) {

	ReadingLimits readingLimits() {
		return new ReadingLimits(this.maxXlsBytes, this.maxOdsBytes, this.maxOdsContentBytes, this.maxWorkbookPartBytes,
				this.maxSharedStringsBytes, this.minSharedStringsRatio, this.maxSharedStrings,
				this.maxSharedStringsChars, this.maxCellChars, Math.max(this.maxRowChars, this.maxCellChars));
	}

}
