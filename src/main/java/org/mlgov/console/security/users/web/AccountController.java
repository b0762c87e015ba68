package org.mlgov.console.security.users.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.security.ConsoleUser;
import org.mlgov.console.security.users.AccountService;
import org.mlgov.console.security.users.UserAdministrationException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/password}: every signed-in user with a console password changes it here, and a user who signed in
 * with a temporary password is kept here until they do.
 */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final AccountService accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String show(Authentication user, Model model) {
		model.addAttribute("form", new PasswordChangeFormData());
		return page(user, model);
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordChangeFormData form, BindingResult binding, Authentication user,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors() && !form.getNewPassword().equals(form.getConfirmation())) {
			binding.rejectValue("confirmation", "password.confirmation", "The two new passwords differ.");
		}
		if (binding.hasErrors()) {
			clear(form);
			return page(user, model);
		}
		ConsoleUser changed;
		try {
			changed = this.accounts.changePassword(user.getName(), form.getCurrentPassword(), form.getNewPassword());
		}
		catch (UserAdministrationException ex) {
			if (ex.field() != null) {
				binding.rejectValue(ex.field(), "password.refused", ex.getMessage());
			}
			else {
				binding.reject("password.refused", ex.getMessage());
			}
			clear(form);
			return page(user, model);
		}
		if (user.getPrincipal() instanceof ConsoleUser) {
			// The session keeps a principal without the temporary-password mark, so the console opens up.
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
			this.holder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		redirect.addFlashAttribute("message", "Your password has been changed.");
		return "redirect:/";
	}

	private String page(Authentication user, Model model) {
		model.addAttribute("localPassword", this.accounts.hasLocalPassword(user.getName()));
		model.addAttribute("temporary",
				user.getPrincipal() instanceof ConsoleUser console && console.isPasswordChangeRequired());
		return "account/password";
	}

	private static void clear(PasswordChangeFormData form) {
		form.setCurrentPassword("");
		form.setNewPassword("");
		form.setConfirmation("");
	}

}
