package org.outreachcrm.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AffiliationRepository extends JpaRepository<Affiliation, Long> {

	@Query("""
			select a from Affiliation a join fetch a.organization join fetch a.contact
			where a.contact.id = :contactId order by a.primary desc, a.endDate asc nulls first, a.startDate desc""")
	List<Affiliation> findByContact(long contactId);

	@Query("""
			select a from Affiliation a join fetch a.organization join fetch a.contact
			where a.organization.id = :organizationId
			order by a.endDate asc nulls first, a.contact.nameKey""")
	List<Affiliation> findByOrganization(long organizationId);

}
