package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewMemoTests {

	private final List<String> computed = new ArrayList<>();

	private final ViewMemo<String, String> memo = new ViewMemo<>(2);

	private String get(String key) {
		return this.memo.get(key, (k) -> {
			this.computed.add(k);
			return k.toUpperCase(java.util.Locale.ROOT);
		});
	}

	@Test
	void twoRequestsThatMissTogetherGetTheOneValueStoredFirst() {
		ViewMemo<String, Object> objects = new ViewMemo<>(2);
		Object[] inner = new Object[1];
		// The outer computation is overtaken by another request for the same key, which stores its value first.
		Object outer = objects.get("k", (k) -> {
			inner[0] = objects.get("k", (again) -> new Object());
			return new Object();
		});

		assertThat(outer).isSameAs(inner[0]);
		assertThat(objects.get("k", (k) -> new Object())).isSameAs(outer);
	}

	@Test
	void aKeyIsComputedOnceWhileItIsKept() {
		assertThat(get("a")).isEqualTo("A");
		assertThat(get("a")).isEqualTo("A");
		assertThat(get("b")).isEqualTo("B");
		assertThat(get("a")).isEqualTo("A");

		assertThat(this.computed).containsExactly("a", "b");
	}

	@Test
	void theLeastRecentlyUsedKeyIsEvictedFirst() {
		get("a");
		get("b");
		get("a"); // a is now the most recently used
		get("c"); // evicts b
		get("a");
		get("b");

		assertThat(this.computed).containsExactly("a", "b", "c", "b");
	}

}
