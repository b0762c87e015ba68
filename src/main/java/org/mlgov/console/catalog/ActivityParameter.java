package org.mlgov.console.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The list parameters an ML activity can take, with the placeholder name the Role Manager templates use. VPC and KMS
 * values are not activity parameters: they are entered once per role and pushed to every activity with a variant.
 */
public enum ActivityParameter {

	S3_BUCKETS("S3Buckets", "S3 bucket names"),
	ECR_REPOSITORY_ARNS("ECRRepoArns", "ECR repository ARNs"),
	PASS_ROLES("PassRoles", "IAM role ARNs this role may pass to SageMaker"),
	ATHENA_WORKGROUPS("WorkGroupNames", "Athena workgroup names"),
	GLUE_DATABASES("GlueDbNames", "AWS Glue database names");

	private final String placeholder;

	private final String label;

	ActivityParameter(String placeholder, String label) {
		this.placeholder = placeholder;
		this.label = label;
	}

	public String placeholder() {
		return this.placeholder;
	}

	public String label() {
		return this.label;
	}

	public static Optional<ActivityParameter> fromPlaceholder(String name) {
		return Arrays.stream(values()).filter((p) -> p.placeholder.equals(name)).findFirst();
	}

}
