package org.mlgov.console.catalog;

/**
 * An AWS managed policy the console attaches. {@code path} matters: two Canvas policies live under
 * {@code /service-role/}, so their ARN is not {@code arn:aws:iam::aws:policy/<name>}. {@code document} is the
 * pretty-printed policy where the catalogue has it, otherwise null and {@code documentNote} says where to read it.
 */
public record ManagedPolicy(String name, String path, String version, String versionDate, String summary,
		String document, String documentNote) {

	public String arn(String partition) {
		return "arn:" + partition + ":iam::aws:policy" + this.path + this.name;
	}

}
