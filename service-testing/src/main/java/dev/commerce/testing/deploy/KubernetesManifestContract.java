package dev.commerce.testing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the Kubernetes manifest the build generated for a service ({@code target/kubernetes/kubernetes.yml}) the way
 * a cluster would run it, and holds it and the service's prod configuration against the deployment contract
 * ({@code terraform/contracts/services.json}, which Terraform checks its ECS task definitions against): the variables
 * the service cannot start without must be among those the deployment gives it, every variable it is given must be
 * read, and its secrets come from the Kubernetes Secrets the contract names.
 * Runs after {@code package}; a service's {@code KubernetesManifestIT} extends it.
 *
 * <p>Paths: the module directory is the working directory; {@code commerce.kubernetes.manifest} and
 * {@code commerce.terraform.dir} override the manifest and the Terraform root ({@code ../terraform}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KubernetesManifestContract {

    public static final String CONFIG_MAP = "commerce-config";
    public static final int CONTAINER_PORT = 8080;
    public static final String IRSA_ANNOTATION = "eks.amazonaws.com/role-arn";

    private KubernetesManifest manifest;
    private JsonNode deployment;
    private JsonNode pod;
    private JsonNode container;

    /** The service's name: Deployment, Service, ServiceAccount and container are all called so. */
    protected abstract String serviceName();

    /** {@code ${CATALOG_SERVICE_ROLE_ARN}} for catalog-service: filled in from Terraform's irsa_role_arns at deploy. */
    protected String roleArnPlaceholder() {
        return "${" + serviceName().toUpperCase().replace('-', '_') + "_ROLE_ARN}";
    }

    @BeforeAll
    void readManifest() {
        Path file = Path.of(System.getProperty("commerce.kubernetes.manifest", "target/kubernetes/kubernetes.yml"));
        assertThat(file).as("generated manifest (run the package phase first)").isRegularFile();
        manifest = KubernetesManifest.read(file);
        deployment = manifest.get("Deployment", serviceName());
        pod = deployment.path("spec").path("template");
        List<JsonNode> containers = list(pod.path("spec").path("containers"));
        assertThat(containers).as("containers of the Deployment").hasSize(1);
        container = containers.get(0);
        assertThat(container.path("name").asText()).isEqualTo(serviceName());
    }

    /** The service's container in the Deployment. */
    protected JsonNode container() {
        return container;
    }

    /** The Deployment's pod template. */
    protected JsonNode podTemplate() {
        return pod;
    }

    @Test
    void manifestHoldsTheServiceAccountServiceAndDeploymentOnly() {
        // Start-up tasks (e.g. Flyway) run in the service's own pods, as on ECS: no Jobs, init containers or RBAC.
        assertThat(manifest.kinds()).containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment");
        assertThat(list(pod.path("spec").path("initContainers"))).isEmpty();
    }

    @Test
    void deploymentRunsReplicasOfTheServiceImage() {
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        // commerce/<service>:<version> by default; the ECR repository (.../<prefix>/<service>:<tag>) when packaged for it.
        assertThat(container.path("image").asText()).containsPattern("/" + serviceName() + ":[^/]+$");
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        Map<String, String> selector = strings(deployment.path("spec").path("selector").path("matchLabels"));
        assertThat(selector).isNotEmpty()
                .containsEntry("app.kubernetes.io/name", serviceName())
                // A selector is immutable: a version in it would make every upgrade fail to apply.
                .doesNotContainKey("app.kubernetes.io/version");
        assertThat(strings(pod.path("metadata").path("labels"))).containsAllEntriesOf(selector)
                .containsEntry("app.kubernetes.io/part-of", "commerce");
    }

    @Test
    void probesAskTheHealthEndpointsOnTheContainerPort() {
        assertProbe("livenessProbe", "/q/health/live");
        assertProbe("readinessProbe", "/q/health/ready");
        assertProbe("startupProbe", "/q/health/started");
    }

    private void assertProbe(String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.isMissingNode()).as(probe + " with httpGet").isFalse();
        assertThat(httpGet.path("path").asText()).as(probe + " path").isEqualTo(path);
        assertThat(httpGet.path("port").asText()).as(probe + " port").isIn(Integer.toString(CONTAINER_PORT), "http");
    }

    @Test
    void containerListensOnTheSamePortAsOnEcs() {
        List<JsonNode> ports = list(container.path("ports"));
        assertThat(ports).as("container ports").anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("http");
            assertThat(port.path("containerPort").asInt()).isEqualTo(CONTAINER_PORT);
        });
        assertThat(env(container)).containsEntry("PORT", Integer.toString(CONTAINER_PORT));
        assertThat(contract().containerPort()).as("container port of the ECS tasks in " + contract().file())
                .isEqualTo(CONTAINER_PORT);
    }

    @Test
    void podRunsAsNonRootOnAReadOnlyRootFilesystem() {
        JsonNode podSecurity = pod.path("spec").path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as("runAsNonRoot").isTrue();
        assertThat(podSecurity.path("runAsUser").asInt()).as("runAsUser").isEqualTo(185);
        assertThat(podSecurity.path("fsGroup").asInt()).as("fsGroup").isEqualTo(185);

        JsonNode security = container.path("securityContext");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as("readOnlyRootFilesystem").isTrue();
        assertThat(security.path("allowPrivilegeEscalation").isBoolean()).as("allowPrivilegeEscalation set").isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean()).as("allowPrivilegeEscalation").isFalse();
        assertThat(list(security.path("capabilities").path("drop"))).extracting(JsonNode::asText)
                .as("dropped capabilities").contains("ALL");

        // The one writable path: /tmp on an emptyDir volume.
        JsonNode tmp = list(container.path("volumeMounts")).stream()
                .filter(mount -> "/tmp".equals(mount.path("mountPath").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
        assertThat(tmp.path("readOnly").asBoolean()).isFalse();
        assertThat(list(pod.path("spec").path("volumes")))
                .anySatisfy(volume -> {
                    assertThat(volume.path("name").asText()).isEqualTo(tmp.path("name").asText());
                    assertThat(volume.has("emptyDir")).as("emptyDir volume").isTrue();
                });
    }

    @Test
    void resourcesAreRequestedAndMemoryIsLimited() {
        JsonNode resources = container.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).isEqualTo("250m");
        assertThat(resources.path("requests").path("memory").asText()).isEqualTo("256Mi");
        assertThat(resources.path("limits").path("memory").asText()).isEqualTo("512Mi");
    }

    @Test
    void environmentComesFromTheConfigMapAndSecrets() {
        List<String> configMaps = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (JsonNode source : list(container.path("envFrom"))) {
            if (source.has("configMapRef")) {
                configMaps.add(source.path("configMapRef").path("name").asText());
            }
            if (source.has("secretRef")) {
                secrets.add(source.path("secretRef").path("name").asText());
            }
        }
        assertThat(configMaps).containsExactly(CONFIG_MAP);
        assertThat(secrets).as("Kubernetes Secrets the contract names for the secret variables of " + serviceName())
                .containsExactlyInAnyOrderElementsOf(contract().kubernetesSecrets(serviceName()));
    }

    @Test
    void serviceAccountCarriesTheIrsaRole() {
        assertThat(pod.path("spec").path("serviceAccountName").asText()).isEqualTo(serviceName());
        JsonNode account = manifest.get("ServiceAccount", serviceName());
        assertThat(account.path("metadata").path("annotations").path(IRSA_ANNOTATION).asText())
                .as("IRSA annotation, substituted at deploy time")
                .isEqualTo(roleArnPlaceholder());
        // The IRSA role trusts the service account the contract names, which the pods must run as.
        assertThat(pod.path("spec").path("serviceAccountName").asText()).as("service account in " + contract().file())
                .isEqualTo(contract().kubernetesServiceAccount(serviceName()));
    }

    @Test
    void serviceAnswersHttpOnPort80() {
        JsonNode service = manifest.get("Service", serviceName());
        List<JsonNode> ports = list(service.path("spec").path("ports"));
        assertThat(ports).hasSize(1);
        JsonNode port = ports.get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("port").asInt()).isEqualTo(80);
        assertThat(port.path("targetPort").asText()).isIn(Integer.toString(CONTAINER_PORT), "http");
        Map<String, String> selector = strings(service.path("spec").path("selector"));
        assertThat(selector).isNotEmpty();
        assertThat(strings(pod.path("metadata").path("labels"))).containsAllEntriesOf(selector);
    }

    @Test
    void prometheusScrapesThePodsWithoutAServiceMonitor() {
        Map<String, String> annotations = strings(pod.path("metadata").path("annotations"));
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", Integer.toString(CONTAINER_PORT));
        assertThat(manifest.kinds()).doesNotContain("ServiceMonitor");
    }

    @Test
    void variablesTheServiceCannotStartWithoutComeFromTheDeployment() {
        Set<String> provided = new TreeSet<>(contract().variableNames(serviceName()));
        Map<String, String> literal = env(container);
        assertThat(provided).as("variables the manifest sets itself, also given on ECS (%s)", contract().file())
                .containsAll(literal.keySet());
        provided.addAll(literal.keySet());

        Map<String, String> required = ProdConfiguration.of(applicationProperties()).requiredVariables();
        assertThat(required).as("variables the prod profile requires").isNotEmpty();
        Map<String, String> missing = new HashMap<>(required);
        missing.keySet().removeAll(provided);
        assertThat(missing)
                .as("%s requires these variables (variable=property) in prod, but %s does not give them (it gives %s)",
                        serviceName(), contract().file(), provided)
                .isEmpty();
    }

    @Test
    void everyVariableTheDeploymentGivesIsReadByTheService() {
        Set<String> unread = new TreeSet<>(contract().variableNames(serviceName()));
        unread.removeAll(ProdConfiguration.of(applicationProperties()).readVariableNames());
        assertThat(unread)
                .as("variables %s gives %s that its prod configuration never reads (misspelt?)", contract().file(),
                        serviceName())
                .isEmpty();
    }

    private static Path applicationProperties() {
        Path file = Path.of("src/main/resources/application.properties");
        assertThat(file).isRegularFile();
        return file;
    }

    private static DeploymentContract contract() {
        Path root = Path.of(System.getProperty("commerce.terraform.dir", "../terraform"));
        assertThat(root.resolve(DeploymentContract.FILE)).as("deployment contract under %s", root.toAbsolutePath().normalize())
                .isRegularFile();
        return DeploymentContract.read(root);
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode variable : list(container.path("env"))) {
            env.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return env;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
