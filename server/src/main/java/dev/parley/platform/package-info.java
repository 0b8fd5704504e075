/**
 * Cross-cutting foundations every feature may use: errors as problem+json, ids, JSON
 * rules, persistence helpers, the current user.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.parley.platform;

import org.springframework.modulith.ApplicationModule;
