package org.mlgov.console.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Service Authorization snapshot as the generator and the checks share it: read-only once loaded. */
class ServiceAuthorizationTests {

	@Test
	void aServiceKeepsItsOwnUnmodifiableMapsInLoadOrder() {
		Map<String, ServiceAuthorization.Action> actions = new LinkedHashMap<>();
		for (String name : List.of("PutObject", "GetObject", "ListBucket")) {
			actions.put(name.toLowerCase(Locale.ROOT), new ServiceAuthorization.Action("s3", name, "Write", List.of("object"),
					List.of()));
		}
		Map<String, String> resourceTypes = new LinkedHashMap<>(
				Map.of("object", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
		Map<String, ServiceAuthorization.ConditionKey> keys = new LinkedHashMap<>();
		ServiceAuthorization.Service service = new ServiceAuthorization.Service("s3", actions, resourceTypes, keys);

		actions.remove("getobject");
		resourceTypes.clear();
		keys.put("s3:prefix", new ServiceAuthorization.ConditionKey("s3:prefix", "String", null));

		assertThat(service.actionsByLowerName()).containsOnlyKeys("putobject", "getobject", "listbucket");
		assertThat(service.actionsByLowerName().keySet()).containsExactly("putobject", "getobject", "listbucket");
		assertThat(service.resourceTypes()).containsOnlyKeys("object");
		assertThat(service.conditionKeysByLowerName()).isEmpty();
		assertThatThrownBy(() -> service.actionsByLowerName().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> service.resourceTypes().put("bucket", "arn:${Partition}:s3:::${BucketName}"))
			.isInstanceOf(UnsupportedOperationException.class);
		ServiceAuthorization sar = new ServiceAuthorization(Map.of("s3", service), Set.of());
		assertThat(sar.action("s3:GetObject")).map(ServiceAuthorization.Action::name).contains("GetObject");
	}

}
