package org.mlgov.console.draft;

import java.util.Optional;

/**
 * How a page reads one draft: the same aggregate as {@code findById}, in two fixed queries (a fragment of
 * {@link DraftRepository}, implemented by {@link DraftReadsImpl}).
 */
interface DraftReads {

	/**
	 * The draft with this id and its decisions, equal field by field to what {@code findById} gives.
	 * @param id the draft's id
	 * @return the draft, or empty when there is none
	 */
	Optional<Draft> read(long id);

}
