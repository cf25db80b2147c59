package org.outreachcrm.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test that talks to the database. It runs on H2 in every build, and a second
 * time on MariaDB/MySQL with {@code -Pmariadb} (what {@code .ci/run} does).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("database")
public @interface DatabaseTest {

}
