package org.outreachcrm.reports;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.outreachcrm.accounts.UserAccounts;

import org.springframework.stereotype.Component;

/**
 * Who may receive reports by e-mail: users of the CRM (their account's address), and
 * others only in a domain listed in {@code crm.reports.allowed-recipient-domains} (a
 * listed domain covers its subdomains). Addresses must be complete: a domain of at least
 * two labels ending in a top-level domain, so {@code mihai@example} is refused.
 */
@Component
class RecipientPolicy {

	private static final Pattern ADDRESS = Pattern.compile(
			"[^@\\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

	private final UserAccounts users;

	private final List<String> domains;

	RecipientPolicy(UserAccounts users, ReportsProperties properties) {
		this.users = users;
		this.domains = properties.allowedRecipientDomains()
			.stream()
			.map((domain) -> domain.strip().toLowerCase(Locale.ROOT))
			.filter((domain) -> !domain.isEmpty())
			.toList();
	}

	/** Refuses the first recipient that is malformed or not allowed, naming it. */
	void check(List<String> recipients) {
		for (String recipient : recipients) {
			String address = recipient.strip();
			if (!wellFormed(address)) {
				throw new InvalidScheduleException("recipients", "reports.error.recipient.invalid",
						"Recipients: " + address + " is not a complete e-mail address", address);
			}
			if (!allowed(address)) {
				throw new InvalidScheduleException("recipients", "reports.error.recipient.outside",
						"Recipients: " + address + " is neither a user nor in a domain allowed for reports", address);
			}
		}
	}

	/** Whether reports may go to this address now (the setting may have changed). */
	boolean allowed(String address) {
		String normalized = address.strip().toLowerCase(Locale.ROOT);
		if (!wellFormed(normalized)) {
			return false;
		}
		String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
		for (String allowed : this.domains) {
			if (domain.equals(allowed) || domain.endsWith("." + allowed)) {
				return true;
			}
		}
		return this.users.hasEmail(normalized);
	}

	static boolean wellFormed(String address) {
		return address.length() <= 254 && ADDRESS.matcher(address).matches();
	}

}
