package org.mlgov.console.security.users.web;

import java.util.Arrays;
import java.util.List;

import org.mlgov.console.security.Role;
import org.mlgov.console.security.users.UserAdministrationException;
import org.mlgov.console.security.users.UserAdministrationService;
import org.mlgov.console.security.users.UserView;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user administration pages, for console administrators: {@code /admin/users} (the list),
 * {@code /admin/users/new} (create), {@code /admin/users/{id}} (roles, disable or enable, temporary password). Every
 * form is Post/Redirect/Get; a refused change shows its message next to the field and saves nothing.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('USER_ADMIN')")
class UserAdministrationController {

	private final UserAdministrationService users;

	UserAdministrationController(UserAdministrationService users) {
		this.users = users;
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return Arrays.asList(Role.values());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		return "users/list";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new NewUserFormData());
		return "users/new";
	}

	@PostMapping
	String create(@ModelAttribute("form") NewUserFormData form, BindingResult binding, Authentication admin,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "users/new";
		}
		try {
			UserView user = this.users.create(form.getUsername(), form.getDisplayName(), form.getEmail(),
					form.getRoles(), form.getTemporaryPassword(), admin.getName());
			redirect.addFlashAttribute("message", "Created " + user.username()
					+ ". Give them the temporary password through a separate channel: they must change it when they "
					+ "first sign in.");
			return "redirect:/admin/users/" + user.id();
		}
		catch (UserAdministrationException ex) {
			reject(binding, ex);
			form.setTemporaryPassword("");
			return "users/new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		UserView user = this.users.find(id);
		return detail(user, null, null, model);
	}

	@PostMapping("/{id}/roles")
	String roles(@PathVariable long id, @ModelAttribute("rolesForm") RolesFormData form, BindingResult binding,
			Authentication admin, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return detail(this.users.find(id), form, null, model);
		}
		try {
			UserView user = this.users.setRoles(id, form.getRoles(), admin.getName());
			redirect.addFlashAttribute("message", "Saved the roles of " + user.username() + ".");
			return "redirect:/admin/users/" + id;
		}
		catch (UserAdministrationException ex) {
			reject(binding, ex);
			return detail(this.users.find(id), form, null, model);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Authentication admin, Model model, RedirectAttributes redirect) {
		try {
			UserView user = this.users.disable(id, admin.getName());
			redirect.addFlashAttribute("message", "Disabled " + user.username()
					+ ": they can no longer sign in, and their sessions have ended.");
			return "redirect:/admin/users/" + id;
		}
		catch (UserAdministrationException ex) {
			model.addAttribute("statusError", ex.getMessage());
			return detail(this.users.find(id), null, null, model);
		}
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, Authentication admin, RedirectAttributes redirect) {
		UserView user = this.users.enable(id, admin.getName());
		redirect.addFlashAttribute("message", "Enabled " + user.username() + " again.");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @ModelAttribute("passwordForm") TemporaryPasswordFormData form,
			BindingResult binding, Authentication admin, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return detail(this.users.find(id), null, form, model);
		}
		try {
			UserView user = this.users.resetPassword(id, form.getTemporaryPassword(), admin.getName());
			redirect.addFlashAttribute("message", "Set a temporary password for " + user.username()
					+ ": their sessions have ended, and they must change it when they next sign in.");
			return "redirect:/admin/users/" + id;
		}
		catch (UserAdministrationException ex) {
			reject(binding, ex);
			form.setTemporaryPassword("");
			return detail(this.users.find(id), null, form, model);
		}
	}

	private static String detail(UserView user, RolesFormData rolesForm, TemporaryPasswordFormData passwordForm,
			Model model) {
		model.addAttribute("user", user);
		if (rolesForm == null) {
			RolesFormData current = new RolesFormData();
			current.getRoles().addAll(user.roles());
			model.addAttribute("rolesForm", current);
		}
		if (passwordForm == null) {
			model.addAttribute("passwordForm", new TemporaryPasswordFormData());
		}
		return "users/detail";
	}

	private static void reject(BindingResult binding, UserAdministrationException ex) {
		if (ex.field() != null) {
			binding.rejectValue(ex.field(), "users.refused", ex.getMessage());
		}
		else {
			binding.reject("users.refused", ex.getMessage());
		}
	}

}
