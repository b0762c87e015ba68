package org.mlgov.console.draft;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** Drafts, by author or all of them; one draft as pages read it ({@link DraftReads}). */
public interface DraftRepository extends ListCrudRepository<Draft, Long>, DraftReads {

	List<Draft> findByAuthorOrderByUpdatedAtDesc(String author);

	List<Draft> findAllByOrderByUpdatedAtDesc();

	List<Draft> findByStatusOrderByUpdatedAtAsc(DraftStatus status);

}
