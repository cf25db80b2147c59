package org.outreachcrm.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	// one statement with roles and countries instead of three (the country scope of a
	// page request with a session login reads it; API requests authenticate with
	// AccountUserDetailsService's SQL)
	@Query("SELECT u FROM UserAccount u LEFT JOIN FETCH u.roles LEFT JOIN FETCH u.countries WHERE u.username = ?1")
	Optional<UserAccount> findByUsername(String username);

	@Query("SELECT u.id FROM UserAccount u WHERE u.username = ?1")
	Optional<Long> findIdByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByEmailIgnoreCase(String email);

}
