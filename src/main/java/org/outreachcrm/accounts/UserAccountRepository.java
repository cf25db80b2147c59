package org.outreachcrm.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

	boolean existsByUsernameKey(String usernameKey);

	Optional<UserAccount> findByUsernameKey(String usernameKey);

	// the confusable check compares a new name with every existing one (hundreds of
	// users)
	@Query("SELECT u.username FROM UserAccount u")
	List<String> findAllUsernames();

	/**
	 * Users with at least one country and none outside {@code countries} (those a
	 * country-scoped admin manages; never an account with all countries).
	 */
	@Query(value = """
			SELECT u FROM UserAccount u WHERE EXISTS (SELECT 1 FROM UserAccount a JOIN a.countries c WHERE a = u)
			AND NOT EXISTS (SELECT 1 FROM UserAccount b JOIN b.countries d WHERE b = u AND d NOT IN ?1)""",
			countQuery = """
					SELECT COUNT(u) FROM UserAccount u
					WHERE EXISTS (SELECT 1 FROM UserAccount a JOIN a.countries c WHERE a = u)
					AND NOT EXISTS (SELECT 1 FROM UserAccount b JOIN b.countries d WHERE b = u AND d NOT IN ?1)""")
	Page<UserAccount> findWithinCountries(Collection<String> countries, Pageable pageable);

	boolean existsByEmailIgnoreCase(String email);

	/** Disabled accounts changed at or after {@code since}, most recent first. */
	@Query("SELECT u FROM UserAccount u WHERE u.enabled = false AND u.updatedAt >= ?1 ORDER BY u.updatedAt DESC, u.id DESC")
	List<UserAccount> findDisabledSince(Instant since, Pageable pageable);

	/**
	 * Disabled accounts changed at or after {@code since} that a country-scoped admin
	 * manages (as {@link #findWithinCountries}), most recent first.
	 */
	@Query("""
			SELECT u FROM UserAccount u WHERE u.enabled = false AND u.updatedAt >= ?1
			AND EXISTS (SELECT 1 FROM UserAccount a JOIN a.countries c WHERE a = u)
			AND NOT EXISTS (SELECT 1 FROM UserAccount b JOIN b.countries d WHERE b = u AND d NOT IN ?2)
			ORDER BY u.updatedAt DESC, u.id DESC""")
	List<UserAccount> findDisabledSinceWithinCountries(Instant since, Collection<String> countries, Pageable pageable);

}
