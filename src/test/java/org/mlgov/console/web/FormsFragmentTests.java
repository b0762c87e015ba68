package org.mlgov.console.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reusable field fragments of {@code fragments/forms.html}, rendered through a form of this test
 * ({@code src/test/resources/templates/test/forms-demo.html}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FormsFragmentTests.DemoFormController.class)
@WithMockUser(roles = "ADMIN")
class FormsFragmentTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void fieldsRenderWithLabelsAndWithoutErrors() throws Exception {
		Document page = render(this.mvc.perform(get("/test-forms")).andExpect(status().isOk()).andReturn()
			.getResponse()
			.getContentAsString());
		Element roleName = page.getElementById("roleName");
		assertThat(roleName).isNotNull();
		assertThat(roleName.attr("name")).isEqualTo("roleName");
		assertThat(roleName.hasClass("is-invalid")).isFalse();
		assertThat(page.select("label[for=roleName]").text()).isEqualTo("Role name");
		assertThat(page.select("#description-help").text()).isEqualTo("Shown to reviewers.");
		assertThat(page.select("textarea#notes").attr("rows")).isEqualTo("3");
		assertThat(page.select("input[type=checkbox][name=enableVpc]")).hasSize(1);
		assertThat(page.select("label.form-check-label").attr("for")).isEqualTo(
				page.select("input[type=checkbox][name=enableVpc]").attr("id"));
		assertThat(page.select(".invalid-feedback, .alert-danger")).isEmpty();
	}

	@Test
	void invalidSubmissionShowsEachMessageUnderItsFieldAndKeepsTheValues() throws Exception {
		Document page = render(this.mvc
			.perform(post("/test-forms").with(csrf())
				.param("roleName", "")
				.param("description", "x".repeat(30))
				.param("notes", "keep me")
				.param("enableVpc", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page.getElementById("roleName").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#roleName-errors.invalid-feedback").text()).isEqualTo("must not be blank");
		assertThat(page.getElementById("roleName").attr("aria-describedby")).isEqualTo("roleName-errors");
		assertThat(page.getElementById("description").hasClass("is-invalid")).isTrue();
		assertThat(page.getElementById("description").val()).isEqualTo("x".repeat(30));
		assertThat(page.getElementById("description").attr("aria-describedby"))
			.isEqualTo("description-help description-errors");
		assertThat(page.select("#description-errors").text()).isEqualTo("size must be between 0 and 20");
		assertThat(page.select("textarea#notes").text()).isEqualTo("keep me");
		assertThat(page.getElementById("notes").hasClass("is-invalid")).isFalse();
		assertThat(page.select("input[type=checkbox][name=enableVpc]").hasAttr("checked")).isTrue();
		assertThat(page.select(".alert-danger")).isEmpty();
	}

	@Test
	void formWideErrorsAppearAboveTheFields() throws Exception {
		Document page = render(this.mvc.perform(post("/test-forms").with(csrf()).param("roleName", "AWSAdmin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".alert-danger").text()).isEqualTo("Role names must not start with AWS");
		assertThat(page.getElementById("roleName").hasClass("is-invalid")).isFalse();
		assertThat(page.getElementById("roleName").val()).isEqualTo("AWSAdmin");
	}

	private static Document render(String html) {
		return Jsoup.parse(html);
	}

	@Controller
	static class DemoFormController {

		@GetMapping("/test-forms")
		String show(@ModelAttribute("form") DemoForm form) {
			return "test/forms-demo";
		}

		@PostMapping("/test-forms")
		String submit(@Valid @ModelAttribute("form") DemoForm form, BindingResult result) {
			if (form.getRoleName() != null && form.getRoleName().startsWith("AWS")) {
				result.reject("roleName.reserved", "Role names must not start with AWS");
			}
			return "test/forms-demo";
		}

	}

	public static class DemoForm {

		@NotBlank
		private String roleName;

		@Size(max = 20)
		private String description;

		private String notes;

		private boolean enableVpc;

		public String getRoleName() {
			return this.roleName;
		}

		public void setRoleName(String roleName) {
			this.roleName = roleName;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getNotes() {
			return this.notes;
		}

		public void setNotes(String notes) {
			this.notes = notes;
		}

		public boolean isEnableVpc() {
			return this.enableVpc;
		}

		public void setEnableVpc(boolean enableVpc) {
			this.enableVpc = enableVpc;
		}

	}

}
