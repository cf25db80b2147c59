@NullMarked
package org.outreachcrm.accounts.web;

import org.jspecify.annotations.NullMarked;
