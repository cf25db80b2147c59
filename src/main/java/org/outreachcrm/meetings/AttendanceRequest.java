package org.outreachcrm.meetings;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The invited people who attended a meeting. */
public record AttendanceRequest(@NotEmpty @Size(max = 2000) List<@NotNull Long> contactIds) {
}
