package org.mlgov.console.draft.web;

import java.util.List;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.stereotype.Component;

/**
 * The generated documents of a draft's content, or why they cannot be generated yet (the fields still to fill in).
 * Nothing is generated in the browser: the preview beside each step and the review step both come from here.
 */
@Component
public class DraftPreview {

	/**
	 * Either the result or the errors that prevent it, with the number of managed policies IAM lets a role have
	 * attached (the configured quota), the specification, and whether it is the draft's saved content (generated once
	 * and shared, see {@link DraftPreview#ofSaved}) rather than unsaved values.
	 */
	public record Preview(GenerationResult result, List<FieldError> missing, int attachedPolicyQuota, RoleSpec spec,
			boolean saved, Documents documents) {

		/**
		 * What the panel shows of a result: the view of {@code drafts/preview :: documents}, or null while nothing is
		 * generated. A saved content's panel goes through {@code #rendered}, with the same {@link Documents} object
		 * on every page until the draft is saved again (so the memo's look-up is an identity check); unsaved values'
		 * panels are rendered directly, as they rarely come twice and would only push useful entries out of the memo.
		 */
		@Override
		public Documents documents() {
			return this.documents;
		}

		public boolean ready() {
			return this.result != null;
		}

		/** The generator's findings with this code (empty while nothing is generated), to show beside their choice. */
		public List<Finding> findings(String code) {
			return (this.result == null) ? List.of()
					: this.result.findings().stream().filter((f) -> f.code().equals(code)).toList();
		}

	}

	/**
	 * The documents part of the preview panel: a result and the attachment quota. Equal for equal results; its hash
	 * is worked out once (a result's is a walk over every statement of every policy), as the memo of
	 * {@code #rendered} asks for it on every page.
	 */
	public static final class Documents {

		private final GenerationResult result;

		private final int attachedPolicyQuota;

		private int hash;

		private Documents(GenerationResult result, int attachedPolicyQuota) {
			this.result = result;
			this.attachedPolicyQuota = attachedPolicyQuota;
		}

		static Documents of(GenerationResult result, int attachedPolicyQuota) {
			return (result == null) ? null : new Documents(result, attachedPolicyQuota);
		}

		public GenerationResult result() {
			return this.result;
		}

		public int attachedPolicyQuota() {
			return this.attachedPolicyQuota;
		}

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Documents that && this.attachedPolicyQuota == that.attachedPolicyQuota
					&& this.result.equals(that.result));
		}

		@Override
		public int hashCode() {
			int h = this.hash;
			if (h == 0) {
				h = 31 * this.result.hashCode() + this.attachedPolicyQuota;
				this.hash = h; // a benign race: every thread computes the same value
			}
			return h;
		}

	}

	/** How many saved contents the memo keeps the documents of (the largest role's take about 150 KB). */
	static final int MEMO_SIZE = 64;

	private final PolicyGenerator generator;

	/**
	 * The generation of recently shown saved contents, keyed by their stored JSON. Every step page, the review step
	 * and its downloads show the saved draft, again and again while nobody saves: they share one generation. A saved
	 * content never changes (a save stores a new text), the generator's output depends only on it and on the
	 * catalogue and quotas, fixed while the console runs, and a {@link GenerationResult} is immutable, so an entry
	 * never goes stale; it is only evicted. Unsaved values (the live preview, a step shown again with its errors) are
	 * generated every time.
	 */
	private final ViewMemo<String, Generated> memo = new ViewMemo<>(MEMO_SIZE);

	public DraftPreview(PolicyGenerator generator) {
		this.generator = generator;
	}

	/**
	 * The preview of a draft's saved content.
	 * @param draft the draft
	 * @param content its content, {@code draft.content()}, which the caller has parsed already
	 * @return the same as {@link #of(DraftContent)}, from the memo when this content was generated recently
	 */
	public Preview ofSaved(Draft draft, DraftContent content) {
		Generated generated = this.memo.get(draft.storedContent(), (key) -> generate(content.spec()));
		return new Preview(generated.result(), generated.missing(), attachedPolicyQuota(), content.spec(), true,
				generated.documents());
	}

	private int attachedPolicyQuota() {
		return this.generator.quotas().attachedPolicies();
	}

	public Preview of(DraftContent content) {
		Generated generated = generate(content.spec());
		return new Preview(generated.result(), generated.missing(), attachedPolicyQuota(), content.spec(), false,
				generated.documents());
	}

	private Generated generate(RoleSpec spec) {
		try {
			GenerationResult result = this.generator.generate(spec);
			return new Generated(result, List.of(), Documents.of(result, attachedPolicyQuota()));
		}
		catch (InvalidSpecException ex) {
			return new Generated(null, List.copyOf(ex.errors()), null);
		}
	}

	/** What the generator made of a specification: the result (and its panel's view), or the errors that prevent it. */
	private record Generated(GenerationResult result, List<FieldError> missing, Documents documents) {
	}

}
