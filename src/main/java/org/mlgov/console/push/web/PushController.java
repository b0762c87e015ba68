package org.mlgov.console.push.web;

import java.security.Principal;
import java.util.List;

import org.mlgov.console.push.LiveStateUnreadable;
import org.mlgov.console.push.Push;
import org.mlgov.console.push.PushPlan;
import org.mlgov.console.push.PushService;
import org.mlgov.console.push.PushStep;
import org.mlgov.console.push.StepOutcome;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The ADMIN pages of a push: the plan of a draft's approved revision with a Push button, then the push page whose
 * progress (steps done out of the total, the current step) htmx refreshes until the push ends, then the step log.
 */
@Controller
class PushController {

	private final PushService pushes;

	PushController(PushService pushes) {
		this.pushes = pushes;
	}

	@GetMapping("/drafts/{id}/push")
	@PreAuthorize("hasRole('ADMIN')")
	String plan(@PathVariable long id, Principal user, Model model) {
		model.addAttribute("draftId", id);
		model.addAttribute("earlier", this.pushes.pushesOf(id));
		try {
			PushPlan plan = this.pushes.plan(id, user.getName());
			model.addAttribute("plan", plan);
		}
		catch (LiveStateUnreadable ex) {
			model.addAttribute("unreadable", ex.getMessage());
		}
		return "push/plan";
	}

	@PostMapping("/drafts/{id}/push")
	@PreAuthorize("hasRole('ADMIN')")
	String push(@PathVariable long id, Principal user) {
		Push push = this.pushes.start(id, user.getName());
		return "redirect:/pushes/" + push.id();
	}

	@GetMapping("/pushes/{pushId}")
	String push(@PathVariable long pushId, Model model) {
		progress(pushId, model);
		return "push/push";
	}

	@GetMapping("/pushes/{pushId}/progress")
	String progressFragment(@PathVariable long pushId, Model model) {
		progress(pushId, model);
		return "push/push :: progress";
	}

	private void progress(long pushId, Model model) {
		Push push = this.pushes.find(pushId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No push " + pushId));
		List<PushStep> steps = this.pushes.steps(pushId);
		model.addAttribute("push", push);
		model.addAttribute("steps", steps);
		model.addAttribute("done", steps.stream().filter((s) -> s.finishedAt() != null).count());
		model.addAttribute("current", steps.stream().filter((s) -> s.outcome() == StepOutcome.RUNNING).findFirst()
			.orElse(null));
		model.addAttribute("changed", steps.stream().filter((s) -> s.outcome() == StepOutcome.CHANGED).count());
	}


}
