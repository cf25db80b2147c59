package org.outreachcrm.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The page session of the current request after its user changed their own password: the
 * login is renewed with the new password's stamp, so this session goes on while the
 * user's other sessions (another browser, a shared computer) end at their next request
 * ({@link SessionAccountCheck}).
 */
@Component
public class SignedInSessions {

	private final AccountUserDetailsService accounts;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignedInSessions(AccountUserDetailsService accounts) {
		this.accounts = accounts;
	}

	/** Renews the current session's login from the account as it is now. */
	public void renew(HttpServletRequest request, HttpServletResponse response) {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (login == null || !(login.getPrincipal() instanceof AccountPrincipal)) {
			return;
		}
		AccountPrincipal current = this.accounts.loadUserByUsername(login.getName());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
