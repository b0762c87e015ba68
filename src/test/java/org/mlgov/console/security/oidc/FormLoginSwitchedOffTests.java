package org.mlgov.console.security.oidc;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** {@code console.form-login.enabled=false}: only the identity provider's button signs people in. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormLoginSwitchedOffTests {

	@DynamicPropertySource
	static void oidcOnly(DynamicPropertyRegistry registry) {
		OidcTestProvider.register(registry);
		registry.add("console.form-login.enabled", () -> "false");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void theSignInPageOffersOnlyTheProviderAndAPasswordSignsNobodyIn() throws Exception {
		Document login = Jsoup.parse(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		assertThat(login.select("#oidc-login").attr("href")).isEqualTo("/oauth2/authorization/oidc");
		assertThat(login.select("#login-form")).isEmpty();

		MvcResult post = this.mvc
			.perform(post("/login").param("username", "admin").param("password", "admin-pass").with(csrf()))
			.andExpect(unauthenticated())
			.andReturn();
		assertThat(post.getResponse().getStatus()).isGreaterThanOrEqualTo(400);
		assertThat(this.mvc.perform(get("/oauth2/authorization/oidc")).andReturn().getResponse().getRedirectedUrl())
			.startsWith(OidcTestProvider.issuer() + "/authorize?");
	}

}
