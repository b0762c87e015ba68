package org.mlgov.console.archfixture.alpha;

import org.mlgov.console.archfixture.beta.Beta;

/** Half of a deliberate package cycle that {@code ArchitectureTests} must catch (test code only). */
public class Alpha {

	Beta beta() {
		return new Beta();
	}

}
