package org.mlgov.console.security;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, item 7: on {@code /api/**}, HTTP Basic credentials are judged on their own. Wrong ones are a 401 even
 * when the request also carries a signed-in browser session (the same user or another), so that a session cannot
 * stand in for the CSRF token that Basic requests skip; a request that nobody signed in for is a 401 (as
 * {@code docs/api.md} says), not the CSRF filter's 403.
 */
@ConsoleTest
class ApiCredentialsTests {

	static final String SPEC = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Api","persona":"data-scientist",
			 "activities":[{"id":"s3-bucket-access","parameters":{"S3Buckets":["ml-data"]}}]}
			""";

	@Autowired
	MockMvc mvc;

	private MockHttpSession signedIn(String username, String password) throws Exception {
		MvcResult login = this.mvc.perform(formLogin().user(username).password(password)).andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	@Test
	void aSessionWithWrongBasicCredentialsOfTheSameUserIs401() throws Exception {
		MockHttpSession session = signedIn("admin", "admin-pass");
		this.mvc.perform(post("/api/role-preview").session(session)
			.with(httpBasic("admin", "not-the-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void aSessionWithWrongBasicCredentialsOfAnotherUserIs401() throws Exception {
		MockHttpSession session = signedIn("admin2", "admin2-pass");
		this.mvc.perform(post("/api/role-preview").session(session)
			.with(httpBasic("reviewer", "not-the-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isUnauthorized());
	}

	@Test
	void aSessionWithAMalformedBasicHeaderIs401() throws Exception {
		MockHttpSession session = signedIn("admin", "admin-pass");
		this.mvc.perform(post("/api/role-preview").session(session)
			.header("Authorization", "Basic !!not-base64!!")
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isUnauthorized());
	}

	@Test
	void theSessionAloneStillWorksWithItsCsrfTokenAndRightBasicCredentialsAloneToo() throws Exception {
		MockHttpSession session = signedIn("admin", "admin-pass");
		this.mvc.perform(post("/api/role-preview").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isOk());
		this.mvc.perform(post("/api/role-preview").session(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(post("/api/role-preview").with(httpBasic("admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SPEC)).andExpect(status().isOk());
	}

	@Test
	void anAnonymousPostWithoutCsrfTokenIs401() throws Exception {
		this.mvc.perform(post("/api/role-preview").contentType(MediaType.APPLICATION_JSON).content(SPEC))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(post("/api/anything")).andExpect(status().isUnauthorized());
	}

}
