package org.mlgov.console.live;

/**
 * A SageMaker domain as ListDomains shows it.
 *
 * @param domainId the domain's id
 * @param name the domain's name
 * @param status the domain's status
 * @param arn the domain's ARN
 */
public record DomainSummary(String domainId, String name, String status, String arn) {
}
