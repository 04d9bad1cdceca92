package dev.commerce.backends.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.commerce.backends.DevJwtKeys;
import dev.commerce.backends.DynamoDbLocal;
import dev.commerce.backends.EfsDirectory;
import dev.commerce.backends.Engine;
import dev.commerce.backends.EngineGroup;
import dev.commerce.backends.Postgres;
import dev.commerce.backends.Redis;
import dev.commerce.backends.S3Proxy;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem.RunningDevService;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev Services without Docker. For every store the application uses and has no endpoint configured for,
 * starts the real engine on a free loopback port and feeds its endpoint into the application's config.
 * Engines survive live reloads while the set of stores is unchanged and stop with the application; should the
 * application's process end without stopping them (killed, crashed), they end with it (see {@code WorkDir}).
 */
public class LocalBackendsProcessor {

    private static final Logger LOG = Logger.getLogger(LocalBackendsProcessor.class);
    private static final String FEATURE = "local-backends";

    private static volatile Running running;
    private static volatile boolean closeTaskRegistered;

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = Enabled.class)
    List<DevServicesResultBuildItem> startEngines(Capabilities capabilities, LocalBackendsConfig config,
            LaunchModeBuildItem launchMode, CuratedApplicationShutdownBuildItem shutdown) {
        List<Store> plan = plan(capabilities, config);
        String planKey = plan.toString() + config.directoryProperty().orElse("");
        Running current = running;
        if (current == null || !current.plan().equals(planKey)) {
            stopAll();
            running = current = start(plan, planKey, config, launchMode.getLaunchMode() == LaunchMode.TEST);
        }
        if (!closeTaskRegistered) {
            closeTaskRegistered = true;
            shutdown.addCloseTask(() -> {
                stopAll();
                closeTaskRegistered = false;
            }, true);
        }
        return current.services().stream().map(RunningDevService::toBuildItem).toList();
    }

    private static Running start(List<Store> plan, String planKey, LocalBackendsConfig config, boolean test) {
        List<Provision> provisions = new ArrayList<>();
        try {
            for (Store store : plan) {
                provisions.add(store.provision(config, test));
            }
        } catch (RuntimeException e) {
            new EngineGroup(provisions.stream().map(Provision::engine).toList()).close();
            throw e;
        }
        EngineGroup engines = new EngineGroup(provisions.stream().map(Provision::engine).toList());
        engines.start((engine, took) -> LOG.infof("Local backends: %s (ready in %d ms)", engine.describe(), took.toMillis()));
        List<RunningDevService> services = provisions.stream()
                .map(p -> new RunningDevService(FEATURE + "-" + p.name(), null, p.engine()::close, p.config()))
                .toList();
        return new Running(planKey, engines, services);
    }

    private static List<Store> plan(Capabilities capabilities, LocalBackendsConfig config) {
        List<Store> plan = new ArrayList<>();
        if (classPresent("software.amazon.awssdk.services.dynamodb.DynamoDbClient")
                && unset("quarkus.dynamodb.endpoint-override")) {
            plan.add(Store.DYNAMODB);
        }
        if (capabilities.isPresent(Capability.REACTIVE_PG_CLIENT) && unset("quarkus.datasource.reactive.url")) {
            plan.add(Store.POSTGRES);
        }
        if (capabilities.isPresent(Capability.REDIS_CLIENT) && unset("quarkus.redis.hosts")) {
            plan.add(Store.REDIS);
        }
        if (classPresent("software.amazon.awssdk.services.s3.S3Client") && unset("quarkus.s3.endpoint-override")) {
            plan.add(Store.S3);
        }
        if (config.directoryProperty().filter(LocalBackendsProcessor::unset).isPresent()) {
            plan.add(Store.DIRECTORY);
        }
        if (capabilities.isPresent(Capability.JWT) && unset("mp.jwt.verify.publickey.location")
                && unset("mp.jwt.verify.publickey")) {
            plan.add(Store.JWT_KEYS);
        }
        return plan;
    }

    /** The engines and configuration for one application, kept across live reloads. */
    private record Running(String plan, EngineGroup engines, List<RunningDevService> services) {
    }

    /** What one store gives the application: its engine and the config that points the application there. */
    private record Provision(String name, Engine engine, Map<String, String> config) {
    }

    /** What the application can be given, with the config that points it there. */
    private enum Store {
        DYNAMODB {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                DynamoDbLocal engine = new DynamoDbLocal();
                Map<String, String> props = new LinkedHashMap<>();
                props.put("quarkus.dynamodb.endpoint-override", engine.endpoint());
                props.put("quarkus.dynamodb.aws.region", "us-east-1");
                props.put("quarkus.dynamodb.aws.credentials.type", "static");
                // DynamoDB Local accepts any key pair; these only satisfy the SDK's signer.
                props.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
                props.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
                return new Provision("dynamodb", engine, props);
            }
        },
        POSTGRES {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                Postgres engine = new Postgres();
                Map<String, String> props = new LinkedHashMap<>();
                props.put("quarkus.datasource.reactive.url", engine.reactiveUrl());
                props.put("quarkus.datasource.jdbc.url", engine.jdbcUrl());
                props.put("quarkus.datasource.username", engine.username());
                props.put("quarkus.datasource.password", engine.password());
                return new Provision("postgres", engine, props);
            }
        },
        REDIS {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                Redis engine = new Redis();
                return new Provision("redis", engine, Map.of("quarkus.redis.hosts", engine.url()));
            }
        },
        S3 {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                S3Proxy engine = new S3Proxy();
                Map<String, String> props = new LinkedHashMap<>();
                props.put("quarkus.s3.endpoint-override", engine.endpoint());
                props.put("quarkus.s3.path-style-access", "true");
                props.put("quarkus.s3.aws.region", engine.region());
                props.put("quarkus.s3.aws.credentials.type", "static");
                props.put("quarkus.s3.aws.credentials.static-provider.access-key-id", engine.accessKeyId());
                props.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", engine.secretAccessKey());
                return new Provision("s3proxy", engine, props);
            }
        },
        DIRECTORY {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                EfsDirectory engine = new EfsDirectory();
                return new Provision("directory", engine,
                        Map.of(config.directoryProperty().orElseThrow(), engine.root().toString()));
            }
        },
        JWT_KEYS {
            @Override
            Provision provision(LocalBackendsConfig config, boolean test) {
                // Tests get a key pair of their own; dev mode shares one with the local stack's token command.
                DevJwtKeys keys = test ? DevJwtKeys.temporary() : DevJwtKeys.shared();
                Map<String, String> props = new LinkedHashMap<>();
                props.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
                props.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
                return new Provision("jwt", keys, props);
            }
        };

        abstract Provision provision(LocalBackendsConfig config, boolean test);
    }

    private static void stopAll() {
        Running current = running;
        running = null;
        if (current != null) {
            current.engines().close();
        }
    }

    private static boolean classPresent(String name) {
        return QuarkusClassLoader.isClassPresentAtRuntime(name);
    }

    private static boolean unset(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isEmpty();
    }

    /** Active unless {@code quarkus.local-backends.enabled=false}. */
    public static final class Enabled implements BooleanSupplier {
        LocalBackendsConfig config;

        @Override
        public boolean getAsBoolean() {
            return config.enabled();
        }
    }
}
