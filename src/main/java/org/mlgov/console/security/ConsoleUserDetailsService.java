package org.mlgov.console.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads console users from the {@code app_user} table for form login and HTTP Basic. A user without a local
 * password (one who signs in through OpenID Connect) cannot sign in with a password: to form login they do not exist.
 */
@Service
class ConsoleUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	ConsoleUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByUsername(username)
			.filter(AppUser::hasLocalPassword)
			.map(ConsoleUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
