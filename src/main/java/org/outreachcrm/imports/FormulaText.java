package org.outreachcrm.imports;

/** Text that a spreadsheet program would take for a formula (OWASP "CSV injection"). */
final class FormulaText {

	private FormulaText() {
	}

	static boolean looksLikeFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
