package org.mlgov.console.browse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;

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

	CatalogController(Catalog catalog, ActivityExamples examples) {
		this.catalog = catalog;
		this.examples = examples;
		this.bedrockRows = catalog.bedrockModels().stream().map(BedrockRow::of).toList();
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("roleManagerActivities", activities(ActivityKind.ROLE_MANAGER));
		model.addAttribute("canvasActivities", activities(ActivityKind.CANVAS));
		return "catalog/index";
	}

	@GetMapping("/activities/{id}")
	String activity(@PathVariable String id, @RequestParam(defaultValue = "false") boolean vpc,
			@RequestParam(defaultValue = "false") boolean kms, Model model) {
		ActivityDefinition activity = this.catalog.activity(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No activity " + id));
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("activity", activity);
		model.addAttribute("vpc", vpc && activity.supportsVpc());
		model.addAttribute("kms", kms && activity.supportsKms());
		model.addAttribute("template", activity.template(vpc, kms));
		model.addAttribute("example", this.examples.example(activity, vpc, kms));
		model.addAttribute("managedPolicies", activity.managedPolicies().stream().map(this.catalog::managedPolicy).toList());
		return "catalog/activity";
	}

	@GetMapping("/models")
	String models(@RequestParam(defaultValue = "") String q, Model model) {
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

	private List<ActivityDefinition> activities(ActivityKind kind) {
		return this.catalog.activities().stream().filter((a) -> a.kind() == kind).toList();
	}

}
