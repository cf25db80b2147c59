package org.outreachcrm.meetings;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

	List<Invitation> findByMeetingIdOrderById(long meetingId);

	List<Invitation> findByContactIdOrderById(long contactId);

	boolean existsByMeetingIdAndContactId(long meetingId, long contactId);

}
