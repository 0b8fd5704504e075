/**
 * Cross-cutting foundations every feature may use: errors as problem+json, ids, JSON
 * rules, persistence helpers, the current user.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.parley.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
