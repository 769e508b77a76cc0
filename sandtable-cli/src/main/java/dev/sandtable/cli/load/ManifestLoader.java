package dev.sandtable.cli.load;

import dev.sandtable.api.FieldError;
import dev.sandtable.api.KindRegistry;
import dev.sandtable.api.validation.NamespaceLifecycle;
import dev.sandtable.api.validation.ObjectValidator;
import dev.sandtable.api.validation.PriorityAdmission;
import dev.sandtable.cluster.InstanceTypeCatalog;
import dev.sandtable.cluster.NodePool;
import dev.sandtable.cluster.NodePools;
import dev.sandtable.scenario.Scenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Loads manifests from the user's paths: collects sources, splits and parses documents in parallel,
 * validates each object as the API server would, and refuses duplicates, reporting every problem with its file and line.
 */
public final class ManifestLoader {
    private final Supplier<InputStream> stdin;

    public ManifestLoader(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    public Manifests load(List<String> paths) {
        // Jackson builds its deserializers for the pod spec graph on first use, the largest one-time cost of reading:
        // a spare core starts on that while files are read and split.
        java.util.concurrent.ForkJoinPool.commonPool().execute(ObjectReader::prepare);
        InputCollector collector = new InputCollector(new Renderer(), stdin);
        List<Given> given = new ArrayList<>();
        for (String path : paths) {
            int sources = collector.sources.size();
            int problems = collector.errors.size();
            collector.collect(path);
            given.add(new Given(path, List.copyOf(collector.sources.subList(sources, collector.sources.size())),
                    collector.errors.size() > problems));
        }
        List<ManifestProblem> errors = new ArrayList<>(collector.errors);
        List<ManifestProblem> warnings = new ArrayList<>();

        List<Document> docs = new ArrayList<>();
        for (Source s : collector.sources) {
            docs.addAll(DocumentSplitter.split(s));
        }
        ObjectReader reader = new ObjectReader();
        Checked[] checked = new Checked[docs.size()];
        IntStream.range(0, docs.size()).parallel().forEach(i -> checked[i] = check(reader, docs.get(i)));

        List<LoadedObject> objects = new ArrayList<>();
        List<LoadedObject> notSimulated = new ArrayList<>();
        List<Manifests.LocatedScenario> scenarios = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        // Where each kept object's fields are, for the checks below that look at the inputs as a whole.
        Map<HasMetadata, java.util.function.Function<String, Location>> locators = new java.util.IdentityHashMap<>();
        java.util.Set<Source> yielding = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < checked.length; i++) {
            ObjectReader.Result r = checked[i].result();
            if (r.problem() != null || !r.objects().isEmpty()) {
                yielding.add(docs.get(i).source());
            }
            if (r.problem() != null) {
                errors.add(r.problem());
                continue;
            }
            for (int j = 0; j < r.objects().size(); j++) {
                LoadedObject lo = r.objects().get(j);
                List<FieldError> fieldErrors = checked[i].errors().get(j);
                for (FieldError fe : fieldErrors) {
                    errors.add(new ManifestProblem(at(docs.get(i), lo, r.prefix(j) + fe.path()), fe.message(), fe.hint()));
                }
                if (!fieldErrors.isEmpty()) {
                    continue;
                }
                String id = identity(lo.object());
                Location first = seen.putIfAbsent(id, lo.location());
                if (first != null) {
                    errors.add(new ManifestProblem(lo.location(), "duplicate object " + describe(lo.object()) + ", first defined at " + first.format(),
                            "remove one of them, or give them different names or namespaces"));
                    continue;
                }
                if (lo.object() instanceof Scenario sc) {
                    Document doc = docs.get(i);
                    String prefix = r.prefix(j);
                    scenarios.add(new Manifests.LocatedScenario(sc, lo.location(), path -> at(doc, lo, prefix + path)));
                } else if (isCustomResource(lo.object())) {
                    notSimulated.add(lo);
                } else {
                    objects.add(lo);
                    Document doc = docs.get(i);
                    String prefix = r.prefix(j);
                    locators.put(lo.object(), path -> at(doc, lo, prefix + path));
                }
            }
        }
        for (Given g : given) {
            if (!g.failed() && g.sources().stream().noneMatch(yielding::contains)) {
                errors.add(g.empty());
            }
        }
        admission(objects, locators, errors, warnings);
        return new Manifests(objects, notSimulated, errors, warnings, collector.sources.size(), scenarios);
    }

    /** The admission checks that need every object: PriorityClasses that pods name must exist, namespaces should. */
    private static void admission(List<LoadedObject> objects, Map<HasMetadata, java.util.function.Function<String, Location>> locators,
                                  List<ManifestProblem> errors, List<ManifestProblem> warnings) {
        List<HasMetadata> all = objects.stream().map(LoadedObject::object).toList();
        java.util.Set<String> classes = PriorityAdmission.classes(all);
        for (HasMetadata o : all) {
            PriorityAdmission.check(o, classes).ifPresent(fe -> errors.add(new ManifestProblem(locators.get(o).apply(fe.path()), fe.message(), fe.hint())));
        }
        for (NamespaceLifecycle.Missing m : NamespaceLifecycle.missing(all)) {
            warnings.add(new ManifestProblem(locators.get(m.first()).apply("metadata.namespace"), m.message(), m.hint()));
        }
    }

    /** A path the user gave, the sources it gave (files, a rendering, stdin), and whether reading it failed already. */
    private record Given(String path, List<Source> sources, boolean failed) {
        /** A path that yields no object is refused, as kubectl apply refuses "no objects passed to apply". */
        ManifestProblem empty() {
            String name = "-".equals(path) ? "<stdin>" : path;
            String what = "-".equals(path) ? "standard input is empty or only comments"
                    : sources.isEmpty() ? "the folder holds no .yaml, .yml or .json file"
                    : sources.size() == 1 && sources.get(0).name().equals(path) ? "the file is empty or only comments"
                    : sources.size() == 1 && !sources.get(0).name().startsWith(path) ? sources.get(0).name() + " printed no object"
                    : "its files are empty or only comments";
            return new ManifestProblem(new Location(name, 0, 0).withoutLine(), "no Kubernetes objects: " + what,
                    "give the files or folders that hold the manifests; kubectl apply refuses this too, with no objects passed to apply");
        }
    }

    /** A document read, and what validation found in each of its objects. */
    private record Checked(ObjectReader.Result result, List<List<FieldError>> errors) {
    }

    // Runs on every core: documents are independent until duplicates are looked for.
    private static Checked check(ObjectReader reader, Document doc) {
        ObjectReader.Result r = reader.read(doc);
        List<List<FieldError>> errors = new ArrayList<>(r.objects().size());
        for (LoadedObject lo : r.objects()) {
            errors.add(validate(lo.object()));
        }
        return new Checked(r, errors);
    }

    private static List<FieldError> validate(HasMetadata o) {
        List<FieldError> errors = new ArrayList<>(ObjectValidator.validate(o));
        if (o instanceof NodePool np && errors.isEmpty()) {
            errors.addAll(NodePools.resolve(np, InstanceTypeCatalog.bundled()).errors());
        }
        return errors;
    }

    /** The line of a field inside an object; for objects from a List the path starts at its item. */
    private static Location at(Document doc, LoadedObject lo, String path) {
        int objectLineInDoc = lo.location().line() - doc.startLine() + 1;
        int line = YamlLocator.lineOf(doc.text(), path);
        return doc.at(objectLineInDoc > 1 && line == 1 ? objectLineInDoc : Math.max(line, objectLineInDoc));
    }

    static boolean isCustomResource(HasMetadata o) {
        String group = KindRegistry.group(o.getApiVersion());
        return !KindRegistry.get().isBuiltinGroup(group) && !NodePool.GROUP.equals(group);
    }

    private static String identity(HasMetadata o) {
        String ns = o instanceof Namespaced || (isCustomResource(o) && o.getMetadata().getNamespace() != null)
                ? (o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace()) : "";
        return KindRegistry.group(o.getApiVersion()) + "|" + o.getKind() + "|" + ns + "|" + o.getMetadata().getName();
    }

    private static String describe(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return o.getKind() + " " + (ns == null || !(o instanceof Namespaced) ? "" : ns + "/") + o.getMetadata().getName();
    }
}
