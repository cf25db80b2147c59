package org.outreachcrm.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

	/**
	 * Native SQL on purpose: an email identifies a person in every country, so this check
	 * must see past the country-scope filter, which applies to JPQL only.
	 */
	@Query(value = "SELECT DISTINCT e.contact_id FROM contact_email e WHERE e.email IN (:emails)", nativeQuery = true)
	List<Long> findIdsByEmails(List<String> emails);

}
