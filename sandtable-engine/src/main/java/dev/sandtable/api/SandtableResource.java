package dev.sandtable.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A kind of Sandtable's own API group (sandtable.dev/v1alpha1), stored like any Kubernetes object: apiVersion,
 * kind, metadata and a typed spec. Subclasses name their kind and their spec's empty value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"status"})
// HasMetadata carries fabric8's polymorphic deserializer; Sandtable's kinds are read as themselves.
@JsonDeserialize(using = JsonDeserializer.None.class)
public abstract class SandtableResource<S> implements HasMetadata {
    public static final String GROUP = "sandtable.dev";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private String apiVersion = API_VERSION;
    private String kind;
    private ObjectMeta metadata = new ObjectMeta();
    private S spec;

    protected SandtableResource(String kind, S emptySpec) {
        this.kind = kind;
        this.spec = emptySpec;
    }

    /** The spec used when the document has none. */
    protected abstract S emptySpec();

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

    public S getSpec() {
        return spec;
    }

    public void setSpec(S spec) {
        this.spec = spec == null ? emptySpec() : spec;
    }
}
