@NullMarked
package org.outreachcrm.imports.web;

import org.jspecify.annotations.NullMarked;
