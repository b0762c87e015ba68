package org.mlgov.console.draft.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.FreeText;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.web.RowList;
import org.mlgov.console.web.Times;

import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My drafts", all drafts (read-only for everybody but their authors), and starting, cloning, renaming, deleting. */
@Controller
@RequestMapping("/drafts")
@PreAuthorize("hasRole('ADMIN')")
class DraftsController {

	private final DraftService drafts;

	private final DraftRows rows;

	DraftsController(DraftService drafts, Catalog catalog, Times times) {
		this.drafts = drafts;
		this.rows = new DraftRows(catalog, times);
	}

	/** My drafts: 50 a page, newest first, searchable by a part of the name ({@code q}). */
	@GetMapping
	String mine(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page, Model model,
			Authentication user, HttpServletRequest request) {
		String search = search(q);
		return list(this.drafts.mine(user.getName(), search, pageNumber(page)), search, false, model, user, request,
				null);
	}

	/** Every administrator's drafts, as {@link #mine}. */
	@GetMapping("/all")
	String all(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page, Model model,
			Authentication user, HttpServletRequest request) {
		String search = search(q);
		return list(this.drafts.all(search, pageNumber(page)), search, true, model, user, request, null);
	}

	/**
	 * A page of drafts; with {@code refused}, that draft's row shows why its rename was refused, with what was typed.
	 */
	private String list(Page<DraftSummary> page, String search, boolean all, Model model, Authentication user,
			HttpServletRequest request, @Nullable RefusedRename refused) {
		// A list with nothing just done on it (no message or refused name from a redirect, no refused rename) goes
		// through the page memo (DraftListPage).
		boolean plain = refused == null && model.asMap().isEmpty();
		// The rows carry their links, built from the context path once per page (see DraftRow).
		String contextPath = request.getContextPath();
		RowList<DraftRowView> rows = (refused == null)
				? this.rows.of(page.getContent(), user.getName(), all, contextPath)
				: this.rows.withRefusal(page.getContent(), user.getName(), all, contextPath, refused);
		if (plain) {
			model.addAttribute("listPage", new DraftListPage(rows, page.getNumber(), page.getSize(),
					page.getTotalElements(), search, all, contextPath));
		}
		model.addAttribute("drafts", rows);
		model.addAttribute("page", page);
		model.addAttribute("q", search);
		model.addAttribute("all", all);
		return "drafts/list";
	}

	/** What to search for: the parameter without surrounding blanks, at most as long as a name. */
	static String search(String q) {
		String stripped = q.strip();
		return (stripped.length() > Draft.NAME_LENGTH) ? stripped.substring(0, Draft.NAME_LENGTH) : stripped;
	}

	/** A page number from 1; anything that is not one means the first page. */
	static int pageNumber(String requested) {
		if (requested == null || !requested.strip().matches("[1-9]\\d{0,8}")) {
			return 1;
		}
		return Integer.parseInt(requested.strip());
	}

	@PostMapping
	String start(@RequestParam(defaultValue = "") String name, Authentication user, RedirectAttributes redirect) {
		String problem = nameProblem(name);
		if (problem != null) {
			redirect.addFlashAttribute("nameError", problem);
			redirect.addFlashAttribute("typedName", FormValues.printable(name));
			return "redirect:/drafts";
		}
		Draft draft = this.drafts.start(name, user.getName());
		return "redirect:/drafts/" + draft.id() + "/steps/basics";
	}

	@GetMapping("/{id}")
	String open(@PathVariable long id, Authentication user) {
		Draft draft = this.drafts.get(id);
		if (draft.currentRevision() != null && draft.status() != DraftStatus.DRAFT) {
			return "redirect:/reviews/" + id;
		}
		return "redirect:/drafts/" + id + "/steps/" + draft.stepReached().path();
	}

	@PostMapping("/{id}/clone")
	String cloneDraft(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Draft copy = this.drafts.cloneDraft(id, user.getName());
		redirect.addFlashAttribute("message", "Cloned as \u201c" + copy.name() + "\u201d.");
		return "redirect:/drafts";
	}

	/**
	 * Renames a draft. A name that is blank or too long is refused next to the rename field of that draft, with what
	 * was typed kept (400, nothing saved).
	 */
	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam long version,
			Authentication user, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		String problem = nameProblem(name);
		if (problem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return list(this.drafts.mine(user.getName(), "", 1), "", false, model, user, request,
					new RefusedRename(id, problem, FormValues.printable(name)));
		}
		this.drafts.rename(id, name, version, user.getName());
		redirect.addFlashAttribute("message", "Renamed to \u201c" + name.strip() + "\u201d.");
		return "redirect:/drafts";
	}

	/** A rename that was refused: which draft, why, and the name as typed. */
	record RefusedRename(long id, String problem, String typed) {
	}

	/** What is wrong with a draft name as typed, or null: 1 to 200 characters, no control characters. */
	private static String nameProblem(String name) {
		if (name.isBlank() || name.strip().length() > Draft.NAME_LENGTH) {
			return "Give the draft a name of 1 to " + Draft.NAME_LENGTH + " characters.";
		}
		return FreeText.controlCharacterProblem("A draft name", name.strip(), false);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Draft draft = this.drafts.get(id);
		try {
			this.drafts.delete(id, user.getName());
			redirect.addFlashAttribute("message", "Deleted \u201c" + draft.name() + "\u201d.");
		}
		catch (IllegalTransitionException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/drafts";
	}

}
