package dev.parley.platform.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Selects the storage mapper, the one {@code JsonMapper} for what Parley stores and sends
 * rather than what its API answers: JSON columns, Redis values, the providers' wire
 * formats. It has Jackson's defaults, independent of the web layer's settings (snake_case
 * names, lower-case enums), so that stored rows and upstream requests never change shape
 * with {@code application.yml}; types that want other names say so on themselves. It is
 * thread-safe and shared.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface StorageJson {

}
