package org.outreachcrm.accounts.web;

import org.jspecify.annotations.Nullable;

/**
 * A new password, typed twice; with the current one when users change their own, with
 * "must change at next login" when an admin sets it.
 */
class PasswordForm {

	private String currentPassword = "";

	private String newPassword = "";

	private String confirmPassword = "";

	private boolean forceChange = true;

	/**
	 * Whether both typings agree; checked here because the services take one password.
	 */
	boolean confirmed() {
		return this.newPassword.equals(this.confirmPassword);
	}

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(@Nullable String currentPassword) {
		this.currentPassword = (currentPassword == null) ? "" : currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(@Nullable String newPassword) {
		this.newPassword = (newPassword == null) ? "" : newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(@Nullable String confirmPassword) {
		this.confirmPassword = (confirmPassword == null) ? "" : confirmPassword;
	}

	public boolean isForceChange() {
		return this.forceChange;
	}

	public void setForceChange(boolean forceChange) {
		this.forceChange = forceChange;
	}

}
