/**
 * Test building blocks shared by the modules' tests: the headless browser.
 */
@NullMarked
package org.outreachcrm.testsupport;

import org.jspecify.annotations.NullMarked;
