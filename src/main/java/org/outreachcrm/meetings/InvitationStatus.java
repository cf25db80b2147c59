package org.outreachcrm.meetings;

/** Answer and attendance of an invited person. */
public enum InvitationStatus {

	INVITED, ACCEPTED, DECLINED, TENTATIVE, ATTENDED, NO_SHOW

}
