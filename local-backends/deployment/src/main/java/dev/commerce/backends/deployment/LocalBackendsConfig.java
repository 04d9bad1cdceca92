package dev.commerce.backends.deployment;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time switches of the local backends (dev and test mode only). */
@ConfigMapping(prefix = "quarkus.local-backends")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LocalBackendsConfig {

    /**
     * Start embedded engines for the stores this application uses. Turn off to use Quarkus Dev Services on a
     * Docker host instead (the {@code testcontainers} Maven profile does both).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * A configuration property that receives a fresh directory standing in for an EFS mount
     * (e.g. {@code media.efs.root}); none when absent.
     */
    Optional<String> directoryProperty();
}
