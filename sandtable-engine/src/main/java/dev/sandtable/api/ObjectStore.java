package dev.sandtable.api;

import dev.sandtable.sim.RetryableError;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The in-memory API server: typed objects with uid, resourceVersion, generation and creation
 * time, owner references with cascading (background) deletion, and watches; mirrors the
 * kube-apiserver storage semantics of v1.31 that controllers rely on.
 */
public final class ObjectStore {
    private final SimClock clock;
    private final SeededRandom random;
    private final NameGenerator names;
    private final Map<String, Map<String, LinkedHashMap<String, HasMetadata>>> objects = new HashMap<>();
    private final Map<Class<?>, LinkedHashSet<String>> typesOf = new HashMap<>();
    private final Map<Class<?>, List<Consumer<WatchEvent<? extends HasMetadata>>>> watchers = new HashMap<>();
    private final Map<String, Set<ObjectKey>> dependentsByOwnerUid = new HashMap<>();
    private final Map<ObjectKey, List<String>> ownersOf = new HashMap<>();
    private final List<Admission> admission = new ArrayList<>();
    private long resourceVersion;

    public ObjectStore(SimClock clock, SeededRandom random) {
        this.clock = clock;
        this.random = random;
        this.names = new NameGenerator(random);
    }

    /** Adds a mutating admission step run on every create, in the order added. */
    public void addAdmission(Admission a) {
        admission.add(a);
    }

    public SimClock clock() {
        return clock;
    }

    /**
     * Times a create with metadata.generateName is tried, each with a new name, before the conflict is returned
     * (the RetryGenerateName feature, beta and on by default in 1.31: 8 keeps a million names per prefix below a
     * 0.1% chance of any conflict).
     */
    static final int MAX_NAME_GENERATION_CREATE_ATTEMPTS = 8;

    /** Creates the object, filling server-set metadata; fails if the name is taken. */
    public <T extends HasMetadata> T create(T obj) {
        ObjectMeta meta = obj.getMetadata();
        for (Admission a : admission) {
            a.admit(obj, this);
        }
        if (obj instanceof Namespaced && meta.getNamespace() == null) {
            meta.setNamespace("default");
        }
        boolean generated = meta.getName() == null && meta.getGenerateName() != null;
        int attempts = generated ? MAX_NAME_GENERATION_CREATE_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            if (generated) {
                meta.setName(names.generate(meta.getGenerateName()));
            }
            ObjectKey key = ObjectKey.of(obj);
            var byName = bucket(key);
            if (!byName.containsKey(key.name())) {
                return insert(obj, key, byName);
            }
            if (attempt == attempts) {
                if (generated) {
                    meta.setName(null);
                }
                throw new AlreadyExistsException(obj.getKind() + " \"" + key.path() + "\" already exists");
            }
        }
    }

    private <T extends HasMetadata> T insert(T obj, ObjectKey key, LinkedHashMap<String, HasMetadata> byName) {
        ObjectMeta meta = obj.getMetadata();
        meta.setUid(random.uuid().toString());
        meta.setResourceVersion(nextResourceVersion());
        meta.setGeneration(1L);
        meta.setCreationTimestamp(clock.timestamp());
        byName.put(key.name(), obj);
        indexOwners(key, meta.getOwnerReferences());
        notify(new WatchEvent<>(WatchEvent.Type.ADDED, obj));
        return obj;
    }

    /** Replaces the object's spec or metadata: bumps resourceVersion and generation. */
    public <T extends HasMetadata> T update(T obj) {
        return replace(obj, true);
    }

    /** Replaces the object through its status subresource: generation stays. */
    public <T extends HasMetadata> T updateStatus(T obj) {
        return replace(obj, false);
    }

    private <T extends HasMetadata> T replace(T obj, boolean specChange) {
        ObjectKey key = ObjectKey.of(obj);
        var byName = bucket(key);
        if (!byName.containsKey(key.name())) {
            throw new NotFoundException(obj.getKind() + " \"" + key.path() + "\" not found");
        }
        ObjectMeta meta = obj.getMetadata();
        meta.setResourceVersion(nextResourceVersion());
        if (specChange) {
            meta.setGeneration(meta.getGeneration() == null ? 1L : meta.getGeneration() + 1);
            indexOwners(key, meta.getOwnerReferences());
        }
        byName.put(key.name(), obj);
        notify(new WatchEvent<>(WatchEvent.Type.MODIFIED, obj));
        return obj;
    }

    /** Deletes the object and, as the garbage collector does in background propagation, its dependents. */
    public boolean delete(HasMetadata obj) {
        ObjectKey key = ObjectKey.of(obj);
        var byName = bucket(key);
        HasMetadata removed = byName.remove(key.name());
        if (removed == null) {
            return false;
        }
        indexOwners(key, null);
        notify(new WatchEvent<>(WatchEvent.Type.DELETED, removed));
        Set<ObjectKey> dependents = dependentsByOwnerUid.remove(removed.getMetadata().getUid());
        if (dependents != null) {
            for (ObjectKey d : List.copyOf(dependents)) {
                get(d).ifPresent(this::delete);
            }
        }
        return true;
    }

    public Optional<HasMetadata> get(ObjectKey key) {
        var byNs = objects.get(key.type());
        if (byNs == null) {
            return Optional.empty();
        }
        var byName = byNs.get(key.namespace());
        return Optional.ofNullable(byName == null ? null : byName.get(key.name()));
    }

    public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
        return get(new ObjectKey(kind, namespace == null ? "" : namespace, name)).map(kind::cast);
    }

    /** The stored object with the same identity as the given one (type, namespace, name). */
    public Optional<HasMetadata> find(HasMetadata like) {
        ObjectKey key = ObjectKey.of(like);
        if (key.namespace().isEmpty() && like instanceof Namespaced) {
            key = new ObjectKey(key.kind(), key.type(), "default", key.name());
        }
        return get(key);
    }

    /** All objects of a kind, namespaces in creation order. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> List<T> list(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (String type : typesOf.getOrDefault(kind, new LinkedHashSet<>())) {
            for (var byName : objects.get(type).values()) {
                out.addAll((Collection<T>) byName.values());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> List<T> list(Class<T> kind, String namespace) {
        List<T> out = new ArrayList<>();
        for (String type : typesOf.getOrDefault(kind, new LinkedHashSet<>())) {
            var byName = objects.get(type).get(namespace);
            if (byName != null) {
                out.addAll((Collection<T>) byName.values());
            }
        }
        return out;
    }

    /** Objects of a kind in a namespace whose labels match the selector. */
    public <T extends HasMetadata> List<T> select(Class<T> kind, String namespace, LabelSelector selector) {
        List<T> out = new ArrayList<>();
        for (T o : list(kind, namespace)) {
            if (LabelSelectors.matches(selector, o.getMetadata().getLabels())) {
                out.add(o);
            }
        }
        return out;
    }

    /** Objects whose controller owner reference points at the owner's uid. */
    public <T extends HasMetadata> List<T> ownedBy(Class<T> kind, HasMetadata owner) {
        Set<ObjectKey> keys = dependentsByOwnerUid.get(owner.getMetadata().getUid());
        if (keys == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (ObjectKey k : keys) {
            if (k.kind() == kind) {
                get(k).ifPresent(o -> out.add(kind.cast(o)));
            }
        }
        return out;
    }

    /** Registers a watch; events are delivered synchronously, so handlers should only enqueue work. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> void watch(Class<T> kind, Consumer<WatchEvent<T>> handler) {
        watchers.computeIfAbsent(kind, k -> new ArrayList<>()).add((Consumer<WatchEvent<? extends HasMetadata>>) (Consumer<?>) handler);
    }

    public int size() {
        int n = 0;
        for (var byNs : objects.values()) {
            for (var byName : byNs.values()) {
                n += byName.size();
            }
        }
        return n;
    }

    private void notify(WatchEvent<? extends HasMetadata> event) {
        var list = watchers.get(event.object().getClass());
        if (list != null) {
            for (var h : list) {
                h.accept(event);
            }
        }
    }

    private LinkedHashMap<String, HasMetadata> bucket(ObjectKey key) {
        typesOf.computeIfAbsent(key.kind(), k -> new LinkedHashSet<>()).add(key.type());
        return objects.computeIfAbsent(key.type(), k -> new LinkedHashMap<>()).computeIfAbsent(key.namespace(), n -> new LinkedHashMap<>());
    }

    private void indexOwners(ObjectKey key, List<OwnerReference> refs) {
        List<String> old = ownersOf.remove(key);
        if (old != null) {
            for (String uid : old) {
                Set<ObjectKey> s = dependentsByOwnerUid.get(uid);
                if (s != null) {
                    s.remove(key);
                }
            }
        }
        if (refs != null && !refs.isEmpty()) {
            List<String> uids = new ArrayList<>(refs.size());
            for (OwnerReference r : refs) {
                uids.add(r.getUid());
                dependentsByOwnerUid.computeIfAbsent(r.getUid(), u -> new LinkedHashSet<>()).add(key);
            }
            ownersOf.put(key, uids);
        }
    }

    private String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    /** The object already exists (HTTP 409 AlreadyExists); a controller retries the create later. */
    public static final class AlreadyExistsException extends RetryableError {
        public AlreadyExistsException(String message) {
            super(message);
        }
    }

    /** The object does not exist (HTTP 404 NotFound). */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
