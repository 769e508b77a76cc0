package dev.sandtable.cli;

import dev.sandtable.cli.load.LoadedObject;
import dev.sandtable.cli.load.Manifests;
import dev.sandtable.network.PolicyCoverage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** The NetworkPolicy warnings sandtable check prints, each with the file and line of the object it is about. */
final class NetworkWarnings {
    private NetworkWarnings() {
    }

    static List<String> lines(Manifests m) {
        List<String> out = new ArrayList<>();
        for (PolicyCoverage.Warning w : PolicyCoverage.ofManifests(m.all())) {
            String where = m.objects().stream().filter(o -> is(o.object(), w)).map(LoadedObject::location).findFirst()
                    .map(l -> l.format() + ": ").orElse("");
            out.add(where + w);
        }
        return out;
    }

    private static boolean is(HasMetadata o, PolicyCoverage.Warning w) {
        String ns = o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
        return o.getKind().equals(w.kind()) && ns.equals(w.namespace()) && o.getMetadata().getName().equals(w.name());
    }
}
