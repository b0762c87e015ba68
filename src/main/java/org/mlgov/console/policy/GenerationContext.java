package org.mlgov.console.policy;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ServiceAuthorization;

/** What every part of one generation needs: the defaulted specification, the catalogue and the findings so far. */
record GenerationContext(RoleSpec spec, Catalog catalog, Findings findings) {

	ServiceAuthorization sar() {
		return this.catalog.serviceAuthorization();
	}

	String partition() {
		return this.spec.partition();
	}

	String arn(String service, String region, String account, String resource) {
		return "arn:" + this.spec.partition() + ":" + service + ":" + region + ":" + account + ":" + resource;
	}

}
