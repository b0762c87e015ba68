package org.mlgov.console.catalog;

import java.util.List;
import java.util.Map;

/**
 * A service principal that may assume a generated role, with the confused-deputy condition the console adds for it.
 * Condition values may contain {@code ${Partition}}, {@code ${Region}} and {@code ${AccountId}}.
 */
public record TrustService(String id, String principal, String sid, Map<String, Map<String, List<String>>> condition) {
}
