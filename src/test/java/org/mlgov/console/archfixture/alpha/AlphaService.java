package org.mlgov.console.archfixture.alpha;

import org.mlgov.console.archfixture.beta.BetaRepository;

/** Reaches into another feature's repository instead of its service (test code only). */
public class AlphaService {

	BetaRepository repository() {
		return new BetaRepository();
	}

}
