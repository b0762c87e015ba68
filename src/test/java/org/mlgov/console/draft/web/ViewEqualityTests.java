package org.mlgov.console.draft.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlgov.console.audit.web.AuditListPage;
import org.mlgov.console.audit.web.AuditRow;
import org.mlgov.console.browse.CatalogPage;
import org.mlgov.console.review.web.QueueRow;
import org.mlgov.console.review.web.ReviewComments;
import org.mlgov.console.review.web.ReviewTop;
import org.mlgov.console.web.NavigationBar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views whose {@code equals} and {@code hashCode} are written out (for the memo of {@code #rendered}): equal when
 * every component is, different as soon as one is, as the generated record methods would be. A component left out
 * of either method would show the markup of another view.
 */
class ViewEqualityTests {

	/**
	 * Components a view leaves out of its hash on purpose (equals still compares them): StepPage hashes what tells
	 * pages apart cheaply and compares the long stored content only in equals; ReviewTop hashes the numbers, flags and
	 * names of who reads and where, and compares the texts and lists only in equals.
	 */
	private static final Map<Class<?>, Set<String>> OUT_OF_HASH = Map.of(StepPage.class, Set.of("name", "author",
			"status", "reached", "updatedAt", "content", "saved", "notice", "contextPath", "live"), ReviewTop.class,
			Set.of("name", "author", "decisions", "submittedAt", "catalogVersion", "documentsSha256", "justification",
					"revisionNumbers"));

	@ParameterizedTest
	@ValueSource(classes = { ValueRowsView.ValueList.class, ValueRowsView.Row.class, ActivityBlocks.Block.class,
			ModelPickers.GroupView.class, ModelPickers.OptionView.class, DraftRow.class, DraftRowView.class,
			StepsNav.class, StepsNav.Item.class, NavigationBar.class, NavigationBar.Item.class, AuditRow.class,
			StepPage.class, QueueRow.class, AuditListPage.class, CatalogPage.class, ReviewTop.class,
			ReviewComments.class })
	void everyComponentTakesPartInEqualsAndHashCode(Class<? extends Record> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Constructor<? extends Record> constructor = constructor(type);
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = value(components[i].getType(), i, false);
		}
		Record view = constructor.newInstance(values);
		Record same = constructor.newInstance(values.clone());

		assertThat(same).isNotSameAs(view).isEqualTo(view).hasSameHashCodeAs(view);
		assertThat(view).isNotEqualTo(null).isNotEqualTo("a string");
		for (int i = 0; i < components.length; i++) {
			Object[] changed = values.clone();
			changed[i] = value(components[i].getType(), i, true);
			Record other = constructor.newInstance(changed);
			assertThat(other).as(components[i].getName()).isNotEqualTo(view);
			if (!OUT_OF_HASH.getOrDefault(type, Set.of()).contains(components[i].getName())) {
				assertThat(other.hashCode()).as(components[i].getName() + " in hashCode").isNotEqualTo(view.hashCode());
			}
		}
	}

	private static Constructor<? extends Record> constructor(Class<? extends Record> type) throws Exception {
		Constructor<? extends Record> constructor = type.getDeclaredConstructor(
				Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
		constructor.setAccessible(true);
		return constructor;
	}

	@SuppressWarnings("unchecked")
	private static Object value(Class<?> type, int index, boolean other) throws Exception {
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				values[i] = value(components[i].getType(), index * 100 + i, other);
			}
			return constructor((Class<? extends Record>) type).newInstance(values);
		}
		if (type == long.class || type == Long.class) {
			return other ? index + 100L : (long) index;
		}
		if (type == String.class) {
			return (other ? "other-" : "value-") + index;
		}
		if (type == boolean.class) {
			return other;
		}
		if (type == int.class || type == Integer.class) {
			return other ? index + 100 : index;
		}
		if (type == List.class) {
			return List.of((other ? "other-" : "element-") + index);
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			return constants[(index + (other ? 1 : 0)) % constants.length];
		}
		if (type == Map.class) {
			return Map.of("key-" + index, (other ? "other-" : "value-") + index);
		}
		if (type == Instant.class) {
			return Instant.ofEpochSecond(other ? index + 100 : index);
		}
		throw new IllegalArgumentException("no sample value of " + type);
	}

}
