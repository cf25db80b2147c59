package org.outreachcrm.accounts.web;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.web.SortableBy;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "User accounts, roles and country scopes (ADMIN)")
class UserApiController {

	private final UserAccounts users;

	UserApiController(UserAccounts users) {
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "List users")
	PagedModel<UserView> list(
			@SortableBy({ "username", "displayName", "email", "createdAt", "updatedAt" }) Pageable pageable) {
		return new PagedModel<>(this.users.listManaged(pageable));
	}

	@PostMapping
	@Operation(summary = "Create a user", description = "an empty countries list means all countries")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
		UserView created = this.users.create(request);
		return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a user")
	UserView get(@PathVariable long id) {
		return this.users.getManaged(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a user's name, email, roles, countries or status (enabled)")
	UserView update(@PathVariable long id, @Valid @RequestBody UserChange change, Principal principal) {
		return this.users.update(id, change, principal.getName());
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Reset a user's password",
			description = "with forceChange the user must choose a new one at the next login")
	UserView resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset) {
		return this.users.resetPassword(id, reset.password(), reset.forceChange());
	}

	/** A new password set by an admin. */
	record PasswordReset(@NotBlank @Size(max = 200) String password, boolean forceChange) {
	}

}
