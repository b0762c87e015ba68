package org.mlgov.console.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shows the sign-in page (Spring Security handles the POST, and the redirect to an OpenID Connect provider), and the
 * page that explains a refused sign-in through the provider.
 */
@Controller
class LoginController {

	private static final Set<String> REASONS = Set.of("no-role", "disabled", "provider");

	@GetMapping("/login")
	String login(Authentication authentication) {
		return (authentication != null && authentication.isAuthenticated()) ? "redirect:/" : "login";
	}

	@GetMapping("/login/refused")
	String refused(@RequestParam(defaultValue = "provider") String reason, Model model) {
		model.addAttribute("reason", REASONS.contains(reason) ? reason : "provider");
		return "login-refused";
	}

}
