/**
 * History tabs, the admin audit log page and the audit API.
 */
@NullMarked
package org.outreachcrm.audit.web;

import org.jspecify.annotations.NullMarked;
