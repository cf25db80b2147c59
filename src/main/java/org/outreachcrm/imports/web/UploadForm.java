package org.outreachcrm.imports.web;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.mapping.DateOrder;

/** The upload form; the file itself is a separate request part. */
class UploadForm {

	private ImportMode mode = ImportMode.CREATE_AND_UPDATE;

	private DateOrder dateOrder = DateOrder.DAY_FIRST;

	private boolean dryRun;

	private @Nullable String mappingTemplate;

	public ImportMode getMode() {
		return this.mode;
	}

	public void setMode(ImportMode mode) {
		this.mode = mode;
	}

	public DateOrder getDateOrder() {
		return this.dateOrder;
	}

	public void setDateOrder(DateOrder dateOrder) {
		this.dateOrder = dateOrder;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public void setDryRun(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public @Nullable String getMappingTemplate() {
		return this.mappingTemplate;
	}

	public void setMappingTemplate(@Nullable String mappingTemplate) {
		this.mappingTemplate = mappingTemplate;
	}

}
