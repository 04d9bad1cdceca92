package dev.commerce.backends.deployment;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.commerce.backends.Leftovers;
import dev.commerce.backends.PortHolder;
import dev.commerce.backends.WorkDir;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The extension in dev mode: PostgreSQL and the directory start with the application, are the same after a live
 * reload, and are gone (no process, no work directory) once the application stops.
 */
class DevModeEnginesTest {

    private static final Pattern ENGINE = Pattern.compile("port=(\\d+) dir=(\\S+)");
    private static final List<Path> ENGINE_DIRS = new ArrayList<>();
    private static final List<ProcessHandle> ENGINE_PROCESSES = new ArrayList<>();

    /** Runs after the application below has stopped: after-all callbacks run in reverse order of registration. */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback ENGINES_GONE_AFTER_STOP = context -> {
        assertThat(ENGINE_DIRS).as("the test saw the engines").isNotEmpty();
        Leftovers.awaitNoneOf(ENGINE_DIRS);
        Leftovers.awaitEnded(ENGINE_PROCESSES);
    };

    @RegisterExtension
    @Order(2)
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(EngineResource.class).addAsResource(new StringAsset("""
                    quarkus.local-backends.directory-property=engine.dir
                    # as in the services: Quarkus' own Dev Services would look for Docker
                    quarkus.devservices.enabled=false
                    """), "application.properties"));

    @Test
    void enginesStartWithTheAppSurviveALiveReloadAndStopWithIt() {
        Matcher first = engine(get("/engine").then().statusCode(200).extract().asString(), "engine: ");
        int port = Integer.parseInt(first.group(1));
        Path directory = Path.of(first.group(2));
        ProcessHandle postgres = PortHolder.holder(port).orElseThrow();
        assertThat(postgres.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("/postgres"));
        assertThat(directory).isDirectory();
        List<Path> held = WorkDir.heldBy(ProcessHandle.current().pid());
        assertThat(held).contains(directory).anyMatch(dir -> dir.getFileName().toString().startsWith("postgres-"));
        ENGINE_PROCESSES.add(postgres);
        ENGINE_DIRS.addAll(held);

        APP.modifySourceFile(EngineResource.class, source -> source.replace("\"engine: port=", "\"engine after reload: port="));

        Matcher reloaded = engine(get("/engine").then().statusCode(200).extract().asString(), "engine after reload: ");
        assertThat(reloaded.group(1)).isEqualTo(first.group(1));
        assertThat(reloaded.group(2)).isEqualTo(first.group(2));
        assertThat(PortHolder.holder(port)).contains(postgres);
        assertThat(postgres.isAlive()).isTrue();
    }

    private static Matcher engine(String body, String prefix) {
        assertThat(body).startsWith(prefix);
        Matcher matcher = ENGINE.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher;
    }
}
