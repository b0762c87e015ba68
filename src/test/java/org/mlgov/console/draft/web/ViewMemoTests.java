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
