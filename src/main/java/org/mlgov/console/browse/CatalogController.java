package org.mlgov.console.browse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.web.RenderedFragments;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Read-only catalogue pages, for every signed-in user. */
@Controller
@RequestMapping("/catalog")
class CatalogController {

	private final Catalog catalog;

	private final ActivityExamples examples;

	/** The Bedrock models' rows, built once: the catalogue does not change while the console runs. */
	private final List<BedrockRow> bedrockRows;

	private final RenderedFragments pages;

	CatalogController(Catalog catalog, ActivityExamples examples, RenderedFragments pages) {
		this.catalog = catalog;
		this.examples = examples;
		this.pages = pages;
		this.bedrockRows = catalog.bedrockModels().stream().map(BedrockRow::of).toList();
	}

	@GetMapping
	String index(Model model, HttpServletRequest request) {
		if (kept(model, "catalog/index", List.of(), request)) {
			return "catalog/index";
		}
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("roleManagerActivities", activities(ActivityKind.ROLE_MANAGER));
		model.addAttribute("canvasActivities", activities(ActivityKind.CANVAS));
		return "catalog/index";
	}

	@GetMapping("/activities/{id}")
	String activity(@PathVariable String id, @RequestParam(defaultValue = "false") boolean vpc,
			@RequestParam(defaultValue = "false") boolean kms, Model model, HttpServletRequest request) {
		ActivityDefinition activity = this.catalog.activity(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No activity " + id));
		model.addAttribute("activity", activity);
		if (kept(model, "catalog/activity", List.of(id, String.valueOf(vpc), String.valueOf(kms)), request)) {
			return "catalog/activity";
		}
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("vpc", vpc && activity.supportsVpc());
		model.addAttribute("kms", kms && activity.supportsKms());
		model.addAttribute("template", activity.template(vpc, kms));
		model.addAttribute("example", this.examples.example(activity, vpc, kms));
		model.addAttribute("managedPolicies", activity.managedPolicies().stream().map(this.catalog::managedPolicy).toList());
		return "catalog/activity";
	}

	@GetMapping("/models")
	String models(@RequestParam(defaultValue = "") String q, Model model, HttpServletRequest request) {
		if (kept(model, "catalog/models", List.of(q), request)) {
			return "catalog/models";
		}
		String query = q.strip().toLowerCase(Locale.ROOT);
		List<BedrockRow> bedrock = this.bedrockRows.stream()
			.filter((r) -> query.isEmpty() || (r.modelId() + " " + r.name() + " " + r.model().provider())
				.toLowerCase(Locale.ROOT)
				.contains(query))
			.toList();
		Map<String, List<BedrockRow>> byProvider = bedrock.stream()
			.collect(Collectors.groupingBy((r) -> r.model().provider(), TreeMap::new, Collectors.toList()));
		List<JumpStartModel> jumpStart = this.catalog.jumpStartModels()
			.stream()
			.filter((m) -> query.isEmpty() || (m.modelId() + " " + m.family()).toLowerCase(Locale.ROOT).contains(query))
			.toList();
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("q", q);
		model.addAttribute("bedrockByProvider", byProvider);
		model.addAttribute("bedrockCount", bedrock.size());
		model.addAttribute("jumpStartModels", jumpStart);
		return "catalog/models";
	}

	/**
	 * Whether the page's markup is kept ({@code keptPage} in the model, and nothing else of the page need be
	 * prepared); either way the page's key is {@code catalogPage}, for the template to render and keep it under.
	 */
	private boolean kept(Model model, String template, List<String> parameters, HttpServletRequest request) {
		CatalogPage page = new CatalogPage(template, parameters, this.catalog.version(), request.getContextPath());
		model.addAttribute("catalogPage", page);
		RenderedFragments.KeptPage kept = this.pages.keptPage(template, "shown", LocaleContextHolder.getLocale(), page);
		if (kept == null) {
			return false;
		}
		model.addAttribute("keptPage", kept);
		return true;
	}

	private List<ActivityDefinition> activities(ActivityKind kind) {
		return this.catalog.activities().stream().filter((a) -> a.kind() == kind).toList();
	}

}
