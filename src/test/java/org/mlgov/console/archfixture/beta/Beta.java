package org.mlgov.console.archfixture.beta;

import org.mlgov.console.archfixture.alpha.Alpha;

/** The other half of the deliberate package cycle (test code only). */
public class Beta {

	Alpha alpha() {
		return new Alpha();
	}

}
