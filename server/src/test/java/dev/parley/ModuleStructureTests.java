package dev.parley;

import org.junit.jupiter.api.Test;

/**
 * Keeps the architecture visible: features talk only through each other's root-package
 * API, and there are no cycles between them.
 */
class ModuleStructureTests {

	@Test
	void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
		ParleyModules.get().verify();
	}

}
