/**
 * Audit history: the Envers revision of every change (who, when, from where), each
 * record's field-by-field history, the global audit log, and the anonymization of history
 * when a person is erased. Other modules contribute history they write outside Hibernate
 * (imports) through {@link org.outreachcrm.audit.HistorySource}.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.outreachcrm.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
