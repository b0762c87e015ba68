package org.mlgov.console.policy;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorSmokeTests {

	@Test
	void printsEverything() {
		GenerationResult r = new PolicyGenerator(CatalogLoader.loadDefault()).generate(TestSpecs.dataScientistEverything());
		System.out.println("VERSION " + r.catalogVersion());
		System.out.println("TRUST " + r.role().trustPolicySize() + "\n" + r.role().trustPolicyJson());
		r.policies().forEach((p) -> System.out.println("POLICY " + p.name() + " " + p.kind() + " " + p.size() + "\n" + p.json()));
		System.out.println("AWS " + r.awsManagedPolicyArns());
		System.out.println("BEDROCK ROLE " + r.bedrockRole());
		System.out.println("CANVAS " + r.canvasAppSettingsJson());
		r.cors().forEach((c) -> System.out.println("CORS " + c.bucket() + "\n" + c.json()));
		r.findings().forEach((f) -> System.out.println("FINDING " + f));
		assertThat(r).isNotNull();
	}

}
