package org.outreachcrm.directory.web;

import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A merged organization or person asked for by id through the API: 404 like a missing
 * record, with {@code mergedInto} naming the record that holds it now.
 */
@RestControllerAdvice(assignableTypes = { OrganizationApiController.class, ContactApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class MergedRecordAdvice {

	// an advice is part of every web slice; slices of other pages run without the
	// directory's services, and without a ledger nothing was merged
	private final ObjectProvider<MergeLedger> ledger;

	MergedRecordAdvice(ObjectProvider<MergeLedger> ledger) {
		this.ledger = ledger;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		MergedRecords.into(this.ledger.getIfAvailable(), ex).ifPresent((into) -> {
			problem.setDetail(ex.getMessage() + "; it was merged into " + into);
			problem.setProperty("mergedInto", into);
		});
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
