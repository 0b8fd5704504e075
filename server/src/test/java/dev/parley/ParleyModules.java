package dev.parley;

import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application's modules, analysed once per test JVM for every test that reads them.
 * The bench module (simulator, driver) is on the test class path only; it is not part of
 * the application.
 */
final class ParleyModules {

	private static final ApplicationModules MODULES = ApplicationModules.of(ParleyApplication.class,
			JavaClass.Predicates.resideInAPackage("dev.parley.bench.."));

	private ParleyModules() {
	}

	static ApplicationModules get() {
		return MODULES;
	}

}
