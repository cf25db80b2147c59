package org.outreachcrm.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	// one statement with roles and countries instead of three: every API request reads
	// the user (authentication, current user, country scope)
	@Query("SELECT u FROM UserAccount u LEFT JOIN FETCH u.roles LEFT JOIN FETCH u.countries WHERE u.username = ?1")
	Optional<UserAccount> findByUsername(String username);

	@Query("SELECT u.id FROM UserAccount u WHERE u.username = ?1")
	Optional<Long> findIdByUsername(String username);

	boolean existsByUsername(String username);

}
