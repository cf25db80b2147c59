package org.outreachcrm.accounts;

import org.springframework.boot.test.context.TestConfiguration;
import org.outreachcrm.shared.web.MessagesConfiguration;

import org.springframework.context.annotation.Import;

/**
 * Brings the real security rules into web slice tests of every module
 * ({@code @Import(WebSecurityForTests.class)}): the configuration itself stays
 * package-private, and a slice does not scan configuration classes. The application's
 * message source comes along, so that pages read in a slice as in the application (ICU
 * plural forms).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, MessagesConfiguration.class })
public class WebSecurityForTests {

}
