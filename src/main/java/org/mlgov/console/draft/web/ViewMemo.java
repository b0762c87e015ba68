package org.mlgov.console.draft.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded memo of what pages compute from stored, never-changing text (a draft's saved content, a frozen revision):
 * at most {@code size} entries, the least recently used evicted first. Keys must be values (strings, records of
 * strings) and values must be read-only, since every request that asks for the same key shares them. Two requests
 * that miss at the same time both compute; the first value stored is kept and both get it, so that every page sees
 * one object per key (the memo of {@code #rendered} then finds its entries by an identity check).
 *
 * @param <K> the key
 * @param <V> the computed value
 */
public final class ViewMemo<K, V> {

	private final Map<K, V> entries;

	public ViewMemo(int size) {
		this.entries = new LinkedHashMap<>(size * 2, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > size;
			}

		};
	}

	/**
	 * The value of a key, computed (outside any lock) the first time and again once evicted.
	 * @param key the key
	 * @param compute computes the value of a key not in the memo
	 * @return the value
	 */
	public V get(K key, Function<? super K, ? extends V> compute) {
		V value;
		synchronized (this.entries) {
			value = this.entries.get(key);
		}
		if (value == null) {
			V computed = compute.apply(key);
			synchronized (this.entries) {
				value = this.entries.putIfAbsent(key, computed);
			}
			if (value == null) {
				value = computed;
			}
		}
		return value;
	}

}
