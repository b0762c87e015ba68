package org.mlgov.console.diff;

/**
 * A single setting that differs between an earlier and a later state: a role's description, session duration,
 * permissions boundary or path, one tag, the attachment of one AWS managed policy, where Canvas settings apply.
 *
 * @param name what the setting is, for example {@code tag team} or {@code maximum session (seconds)}
 * @param before its earlier value; null when it was not set
 * @param after its later value; null when it is not set any more
 */
public record SettingChange(String name, String before, String after) {
}
