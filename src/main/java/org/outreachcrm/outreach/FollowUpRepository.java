package org.outreachcrm.outreach;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

	java.util.List<FollowUp> findByInteractionIdInOrderById(java.util.Collection<Long> interactionIds);

	java.util.List<FollowUp> findByInteractionIdOrderById(long interactionId);

}
