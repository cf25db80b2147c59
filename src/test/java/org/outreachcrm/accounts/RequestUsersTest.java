package org.outreachcrm.accounts;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * The user a request authenticated as is read once: asking for its id again (every logged
 * interaction's default staff member) takes no database connection, not even for an empty
 * transaction (which cost three statements per API request on MySQL).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class RequestUsersTest {

	@Autowired
	UserAccounts users;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void inARequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
	}

	@AfterEach
	void requestEnds() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theRequestsOwnUserIdCostsNoConnection() {
		String username = "r" + marker();
		RequestUsers.remember(username, 42L, Set.of("PL"));
		Timer acquired = this.meters.get("hikaricp.connections.acquire").timer();
		long before = acquired.count();

		for (int i = 0; i < 20; i++) {
			assertThat(this.users.idOf(username)).contains(42L);
		}

		// a bound, not zero: the application's schedulers may borrow one meanwhile
		assertThat(acquired.count() - before).as("connections borrowed for 20 look-ups").isLessThan(5);
		long beforeOther = acquired.count();
		assertThat(this.users.idOf("other" + marker())).as("any other user is read from the database").isEmpty();
		assertThat(acquired.count()).isGreaterThan(beforeOther);
	}

}
