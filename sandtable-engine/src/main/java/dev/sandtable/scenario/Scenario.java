package dev.sandtable.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** Sandtable's Scenario kind (sandtable.dev/v1alpha1): load over simulated time, timed events and expectations checked as the simulation runs. */
@Group(Scenario.GROUP)
@Version(Scenario.VERSION)
@Kind(Scenario.KIND)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"status"})
// HasMetadata carries fabric8's polymorphic deserializer; Scenario is read as itself.
@JsonDeserialize(using = JsonDeserializer.None.class)
public final class Scenario implements HasMetadata {
    public static final String GROUP = "sandtable.dev";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "Scenario";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private ObjectMeta metadata = new ObjectMeta();
    private ScenarioSpec spec = ScenarioSpec.EMPTY;

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public ScenarioSpec getSpec() {
        return spec;
    }

    public void setSpec(ScenarioSpec spec) {
        this.spec = spec == null ? ScenarioSpec.EMPTY : spec;
    }
}
