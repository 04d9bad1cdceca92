package dev.commerce.order.store;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.commerce.order.config.OrderConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Credentials of every new database connection, for both reactive pools and for Flyway's JDBC connections:
 * the configured password, the RDS-managed secret in Secrets Manager, or an IAM authentication token.
 */
@ApplicationScoped
@Named("order-db")
@Unremovable
public class DatabaseCredentials implements CredentialsProvider {

    private final PasswordSource source;
    private final String user;
    private final PgConnectOptions writer;

    @Inject
    public DatabaseCredentials(OrderConfig config,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String writerUrl) {
        this(sourceFor(config.db(), password), user.orElse(""), writerUrl);
    }

    DatabaseCredentials(PasswordSource source, String user, String writerUrl) {
        this.source = source;
        this.user = user;
        this.writer = PgConnectOptions.fromUri(writerUrl.replaceFirst("^vertx-reactive:", ""));
    }

    private static PasswordSource sourceFor(OrderConfig.Db db, Optional<String> password) {
        if (db.iamAuth()) {
            return IamAuthTokens.forRegion(db.region(), db.iamTokenRefresh());
        }
        if (db.secretArn().filter(arn -> !arn.isBlank()).isPresent()) {
            return SecretsManagerPasswords.forRegion(db.region(), db.secretArn().get(), db.secretRefresh());
        }
        return new StaticPassword(password.orElse(""));
    }

    /** Flyway's JDBC connections (to the writer); Agroal calls this off the event loop. */
    @Override
    public Map<String, String> getCredentials(String name) {
        DbLogin login = source.login(writer.getHost(), writer.getPort(), user);
        return Map.of(USER_PROPERTY_NAME, login.user(), PASSWORD_PROPERTY_NAME, login.password());
    }

    /** The options of one new reactive connection: {@code base} plus a fresh login for its host. */
    public Future<PgConnectOptions> connectOptions(Vertx vertx, PgConnectOptions base) {
        if (!source.remote()) {
            return Future.succeededFuture(withLogin(base));
        }
        return vertx.executeBlocking(() -> withLogin(base), false);
    }

    private PgConnectOptions withLogin(PgConnectOptions base) {
        DbLogin login = source.login(base.getHost(), base.getPort(), user);
        return new PgConnectOptions(base).setUser(login.user()).setPassword(login.password());
    }
}
