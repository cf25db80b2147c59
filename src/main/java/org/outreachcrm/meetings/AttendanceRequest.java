package org.outreachcrm.meetings;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The invited people who attended a meeting. */
public record AttendanceRequest(@NotEmpty List<@NotNull Long> contactIds) {
}
