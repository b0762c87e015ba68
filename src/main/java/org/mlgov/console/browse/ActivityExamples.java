package org.mlgov.console.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.ParameterDefinition;
import org.mlgov.console.catalog.PolicyTemplate;
import org.mlgov.console.catalog.TemplateStatement;
import org.mlgov.console.policy.Json;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.stereotype.Component;

/**
 * Shows what an activity grants as the console generates it: the activity alone, with example values for its
 * parameters, with or without the VPC and KMS customization.
 */
@Component
public class ActivityExamples {

	static final String ACCOUNT = "123456789012";

	static final String REGION = "us-east-1";

	private static final Map<ActivityParameter, List<String>> EXAMPLE_VALUES = Map.of(ActivityParameter.S3_BUCKETS,
			List.of("example-ml-bucket"), ActivityParameter.ECR_REPOSITORY_ARNS,
			List.of("arn:aws:ecr:us-east-1:123456789012:repository/example-images"), ActivityParameter.PASS_ROLES,
			List.of("arn:aws:iam::123456789012:role/service-role/SageMaker-ExampleCompute"),
			ActivityParameter.ATHENA_WORKGROUPS, List.of("primary"), ActivityParameter.GLUE_DATABASES,
			List.of("example_db"));

	private final PolicyGenerator generator;

	public ActivityExamples(PolicyGenerator generator) {
		this.generator = generator;
	}

	/** The example result, or null for Canvas activities (they attach AWS managed policies only). */
	public GenerationResult example(ActivityDefinition activity, boolean vpc, boolean kms) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (ParameterDefinition parameter : activity.parameters()) {
			parameters.put(parameter.parameter().placeholder(), EXAMPLE_VALUES.get(parameter.parameter()));
		}
		RoleSpec spec = RoleSpec.builder()
			.accountId(ACCOUNT)
			.region(REGION)
			.partition("aws")
			.roleName("SageMaker-Example")
			.persona("custom")
			.activities(List.of(new RoleSpec.ActivitySelection(activity.id(), parameters)))
			.vpc(vpc ? new RoleSpec.NetworkSettings(List.of("subnet-0123456789abcdef0"),
					List.of("sg-0123456789abcdef0")) : null)
			.kms(kms ? new RoleSpec.EncryptionSettings(
					List.of("arn:aws:kms:us-east-1:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee"),
					List.of("arn:aws:kms:us-east-1:123456789012:key/6666ffff-77aa-88bb-99cc-000000dddddd")) : null)
			.build();
		return this.generator.generate(spec);
	}

	/** A template as the catalogue holds it (placeholders such as ${S3Buckets} still in it), as policy JSON. */
	public String templateJson(PolicyTemplate template) {
		List<Map<String, Object>> statements = new ArrayList<>();
		for (TemplateStatement ts : template.statements()) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("Effect", ts.effect());
			node.put("Action", ts.actions());
			node.put("Resource", ts.resources());
			if (!ts.conditions().isEmpty()) {
				node.put("Condition", ts.conditions());
			}
			statements.add(node);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("Version", "2012-10-17");
		document.put("Statement", statements);
		return Json.pretty(document);
	}

}
