package org.outreachcrm.directory;

/** The kinds of directory record that can be found twice and merged. */
public enum MergeKind {

	ORGANIZATION, CONTACT

}
