package org.mlgov.console.access;

/**
 * An IAM role named by its ARN ({@code arn:aws:iam::<account>:role/<path><name>}).
 *
 * @param arn the ARN
 * @param accountId the account
 * @param roleName the name, without path
 */
public record RoleRef(String arn, String accountId, String roleName) {

	/**
	 * Reads a role ARN.
	 * @param arn the ARN
	 * @return the role, or null when {@code arn} is not a role ARN
	 */
	public static RoleRef of(String arn) {
		if (arn == null) {
			return null;
		}
		String[] parts = arn.split(":", 6);
		if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[5].startsWith("role/")
				|| !parts[4].matches("\\d{12}")) {
			return null;
		}
		String resource = parts[5];
		return new RoleRef(arn, parts[4], resource.substring(resource.lastIndexOf('/') + 1));
	}

}
