package org.mlgov.console.catalog;

/** A list parameter an activity asks for (S3Buckets, ECRRepoArns, PassRoles, WorkGroupNames, GlueDbNames). */
public record ParameterDefinition(ActivityParameter parameter, boolean required) {
}
