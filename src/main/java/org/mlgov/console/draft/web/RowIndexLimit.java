package org.mlgov.console.draft.web;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The wizard's lists of rows are bound by index ({@code tags[3].key}, {@code activities[4].passRoles[0]}). The binder
 * grows a list up to index {@value #MAX_ROWS} - 1 and fails with an exception on a larger one, which would be a 500.
 * Fields with an index out of that range are therefore left out of the binding (Spring records them as suppressed
 * fields), and {@link #reject} refuses the form with a message next to the list they belong to: a 400 with the page,
 * nothing saved.
 */
@ControllerAdvice(basePackageClasses = RowIndexLimit.class)
class RowIndexLimit {

	/** The rows a list of a wizard form can have: the binder's default limit of automatic growth. */
	static final int MAX_ROWS = 256;

	/** An index in a form field name. */
	private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)\\]");

	/**
	 * Leaves out of the binding of a wizard form every field with a row index out of range (also behind a field marker
	 * such as {@code _activities[999].selected}).
	 */
	@InitBinder(StepSupport.FORM)
	void leaveOutRowsOutOfRange(WebDataBinder binder, HttpServletRequest request) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
		String[] outOfRange = request.getParameterMap()
			.keySet()
			.stream()
			.map(RowIndexLimit::withoutMarker)
			.filter((name) -> outOfRange(name) != null)
			.distinct()
			.toArray(String[]::new);
		if (outOfRange.length > 0) {
			binder.setDisallowedFields(outOfRange);
		}
	}

	/**
	 * Puts an error next to each list that had rows out of range (above the form if the page shows no such list).
	 * @return true if there was any
	 */
	static boolean reject(BindingResult binding) {
		boolean any = false;
		for (String field : binding.getSuppressedFields()) {
			Matcher index = outOfRange(field);
			if (index == null) {
				continue;
			}
			any = true;
			String list = field.substring(0, index.start());
			String message = "At most " + MAX_ROWS + " rows can be sent in this list; the form sent row "
					+ rowNumber(index.group(1)) + ". Nothing was saved.";
			try {
				if (binding.getFieldErrorCount(list) == 0) {
					binding.rejectValue(list, "rows", message);
				}
			}
			catch (NotReadablePropertyException ex) {
				binding.reject("rows", message);
			}
		}
		return any;
	}

	/** The first index of the field name that is not a row of a list, or null if all are. */
	private static Matcher outOfRange(String name) {
		Matcher index = INDEX.matcher(name);
		while (index.find()) {
			BigInteger value = new BigInteger(index.group(1));
			if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_ROWS)) >= 0) {
				return index;
			}
		}
		return null;
	}

	/** Rows are numbered from 1 on the page. */
	private static String rowNumber(String index) {
		BigInteger value = new BigInteger(index);
		return (value.signum() < 0) ? index : value.add(BigInteger.ONE).toString();
	}

	private static String withoutMarker(String name) {
		return (name.startsWith(WebDataBinder.DEFAULT_FIELD_MARKER_PREFIX)
				|| name.startsWith(WebDataBinder.DEFAULT_FIELD_DEFAULT_PREFIX)) ? name.substring(1) : name;
	}

}
