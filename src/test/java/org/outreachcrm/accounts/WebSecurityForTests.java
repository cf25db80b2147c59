package org.outreachcrm.accounts;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Brings the real security rules into web slice tests of every module
 * ({@code @Import(WebSecurityForTests.class)}): the configuration itself stays
 * package-private, and a slice does not scan configuration classes.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class WebSecurityForTests {

}
