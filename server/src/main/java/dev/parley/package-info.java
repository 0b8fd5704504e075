/**
 * Parley: a self-hostable AI chat service, packaged by feature; each sub-package is a
 * Spring Modulith module whose root package is its API.
 */
@NullMarked
package dev.parley;

import org.jspecify.annotations.NullMarked;
