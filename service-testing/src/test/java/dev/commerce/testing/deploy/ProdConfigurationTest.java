package dev.commerce.testing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProdConfigurationTest {

    @Test
    void requiredVariablesAreThoseWithoutDefaultInTheProdProfile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, """
                a.url=${A_URL:http://localhost}
                %prod.a.url=${A_URL}
                b.hosts=${B_HOSTS}
                %prod.b.hosts=${B_HOSTS:localhost}
                %dev,test.c.key=${DEV_ONLY}
                %prod,staging.d.key=${D_KEY}
                e.jdbc=${E_JDBC:jdbc:${E_URL}}
                f.ref=${quarkus.http.port}
                quarkus.kubernetes.env.vars.x=${BUILD_ONLY}
                """);
        ProdConfiguration prod = ProdConfiguration.of(file);
        assertThat(prod.requiredVariables()).containsOnlyKeys("A_URL", "D_KEY", "E_URL")
                .containsEntry("A_URL", "a.url");
        assertThat(prod.readVariableNames()).containsExactlyInAnyOrder("A_URL", "B_HOSTS", "D_KEY", "E_JDBC", "E_URL");
    }
}
