package dev.parley.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a contract test class once on each supported database (H2, PostgreSQL, MariaDB).
 * The class takes a {@link DatabaseServer} as its {@code @Parameter} and builds what it
 * tests from it before each test (each test has a fresh instance; the database is one per
 * run); JUnit drops the database after the run. PostgreSQL and MariaDB are expected at
 * 127.0.0.1 (see {@link TestDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.parley.testsupport.DatabaseServer#all")
public @interface OnEachDatabase {

}
