package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.catalog.Catalog;

/** Validates a specification before generation (references into the catalogue). */
public final class SpecValidator {

	private final Catalog catalog;

	public SpecValidator(Catalog catalog) {
		this.catalog = catalog;
	}

	public List<FieldError> validate(RoleSpec spec) {
		List<FieldError> errors = new ArrayList<>();
		if (spec == null) {
			errors.add(new FieldError("", "specification is missing"));
			return errors;
		}
		if (spec.persona() == null || this.catalog.persona(spec.persona()).isEmpty()) {
			errors.add(new FieldError("persona", "unknown persona"));
		}
		if (spec.activities() != null) {
			for (int i = 0; i < spec.activities().size(); i++) {
				RoleSpec.ActivitySelection a = spec.activities().get(i);
				if (a == null || a.id() == null || this.catalog.activity(a.id()).isEmpty()) {
					errors.add(new FieldError("activities[" + i + "].id", "unknown activity"));
				}
			}
		}
		return errors;
	}

}
