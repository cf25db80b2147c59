@NullMarked
package org.outreachcrm.directory.web;

import org.jspecify.annotations.NullMarked;
