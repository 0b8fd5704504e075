/**
 * HTTP plumbing: request size limits, CORS, security headers and Jetty tuning.
 */
@NullMarked
package dev.parley.platform.web;

import org.jspecify.annotations.NullMarked;
