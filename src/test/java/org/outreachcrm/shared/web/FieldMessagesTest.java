package org.outreachcrm.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ConsentRequest;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationStageRequest;
import org.outreachcrm.meetings.AttendanceRequest;
import org.outreachcrm.meetings.BulkInvitation;
import org.outreachcrm.meetings.InvitationChange;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.reports.ReportRunRequest;
import org.outreachcrm.reports.ScheduleRequest;

import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule on a request names its field by a label that each language's bundle holds
 * itself (not the English one it would fall back to).
 */
class FieldMessagesTest {

	private static final List<Class<?>> REQUESTS = List.of(OrganizationRequest.class, ContactRequest.class,
			AffiliationRequest.class, ConsentRequest.class, OrganizationStageRequest.class, InteractionRequest.class,
			FollowUpRequest.class, FollowUpCompletion.class, CampaignRequest.class, MeetingRequest.class,
			InvitationRequest.class, InvitationChange.class, AttendanceRequest.class, BulkInvitation.class,
			ReportRunRequest.class, ScheduleRequest.class, NewUser.class, UserChange.class);

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void everyConstrainedPropertyHasALabelInEachLanguage() throws IOException {
		Validator validator = FACTORY.getValidator();
		List<String> missing = new ArrayList<>();
		for (String file : List.of("messages.properties", "messages_pl.properties", "messages_ro.properties")) {
			Properties bundle = load(file);
			for (Class<?> request : REQUESTS) {
				validator.getConstraintsForClass(request).getConstrainedProperties().forEach((property) -> {
					MessageSourceResolvable label = FieldMessages.label(request, property.getPropertyName());
					if (Arrays.stream(label.getCodes()).noneMatch(bundle::containsKey)) {
						missing.add(file + ": " + request.getSimpleName() + "." + property.getPropertyName());
					}
				});
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void labelsComeFromTheRequestThenThePropertyThenTheHistory() {
		assertThat(FieldMessages.label(ScheduleRequest.class, "dayOfMonth").getCodes())
			.containsExactly("field.ScheduleRequest.dayOfMonth", "field.dayOfMonth", "history.field.day_of_month");
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = FieldMessagesTest.class.getResourceAsStream("/" + file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
