package dev.parley.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code parley} that belong to no one feature.
 *
 * @param dataDir where the embedded database and the generated secrets live
 * ({@code PARLEY_DATA_DIR})
 */
@ConfigurationProperties("parley")
public record ParleyProperties(@DefaultValue("./data") Path dataDir) {

}
