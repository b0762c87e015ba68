package org.mlgov.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in page; Spring Security handles the POST.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication) {
		return (authentication != null && authentication.isAuthenticated()) ? "redirect:/" : "login";
	}

}
