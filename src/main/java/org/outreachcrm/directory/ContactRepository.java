package org.outreachcrm.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

	@Query("select c.id from Contact c join c.emails e where e in :emails")
	List<Long> findIdsByEmails(List<String> emails);

}
