package org.mlgov.console.draft;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No draft with that id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DraftNotFoundException extends RuntimeException {

	public DraftNotFoundException(long id) {
		super("No draft " + id);
	}

}
