package org.outreachcrm.meetings;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

	List<Invitation> findByMeetingIdOrderById(long meetingId);

	/**
	 * Native SQL on purpose: the invitation may be for an organization outside the
	 * caller's country scope, which the filter on JPQL queries would hide.
	 */
	@Query(value = "SELECT COUNT(*) FROM invitation WHERE meeting_id = :meetingId AND contact_id = :contactId",
			nativeQuery = true)
	long countByMeetingAndContact(long meetingId, long contactId);

	List<Invitation> findByContactIdOrderById(long contactId);

}
