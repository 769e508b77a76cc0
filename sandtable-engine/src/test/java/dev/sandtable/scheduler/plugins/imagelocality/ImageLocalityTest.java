package dev.sandtable.scheduler.plugins.imagelocality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.scheduler.framework.CycleState;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.Status;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ported from kube-scheduler v1.31 pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go:
 * TestImageLocalityPriority and TestNormalizedImageName, with upstream's case names.
 */
class ImageLocalityTest {
    private static final long MB = 1024L * 1024;

    private static ContainerImage image(long sizeMb, String... names) {
        return new ContainerImage(new ArrayList<>(List.of(names)), sizeMb * MB);
    }

    private static Node imageNode(String name, ContainerImage... images) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().withImages(images).endStatus().build();
    }

    private static Container container(String image) {
        Container c = new Container();
        c.setImage(image);
        return c;
    }

    private static Pod pod(List<String> images, List<String> initImages) {
        Pod p = new Pod();
        p.setMetadata(new ObjectMeta());
        PodSpec spec = new PodSpec();
        spec.setContainers(new ArrayList<>(images.stream().map(ImageLocalityTest::container).toList()));
        spec.setInitContainers(new ArrayList<>(initImages.stream().map(ImageLocalityTest::container).toList()));
        p.setSpec(spec);
        return p;
    }

    private static Pod pod(String... images) {
        return pod(List.of(images), List.of());
    }

    static Stream<Arguments> priorityCases() {
        Pod test40250 = pod("gcr.io/40", "gcr.io/250");
        Pod test40300 = pod("gcr.io/40", "gcr.io/300");
        Pod testMinMax = pod("gcr.io/10", "gcr.io/4000");
        Pod test300600900 = pod("gcr.io/300", "gcr.io/600", "gcr.io/900");
        Pod test3040 = pod("gcr.io/30", "gcr.io/40");
        Pod test30Init300 = pod(List.of("gcr.io/30"), List.of("gcr.io/300"));

        ContainerImage[] node403002000 = {image(40, "gcr.io/40:latest", "gcr.io/40:v1", "gcr.io/40:v1"),
                image(300, "gcr.io/300:latest", "gcr.io/300:v1"), image(2000, "gcr.io/2000:latest")};
        ContainerImage[] node25010 = {image(250, "gcr.io/250:latest"), image(10, "gcr.io/10:latest", "gcr.io/10:v1")};
        ContainerImage[] node60040900 = {image(600, "gcr.io/600:latest"), image(40, "gcr.io/40:latest"), image(900, "gcr.io/900:latest")};
        ContainerImage[] node300600900 = {image(300, "gcr.io/300:latest"), image(600, "gcr.io/600:latest"), image(900, "gcr.io/900:latest")};
        ContainerImage[] node400030 = {image(4000, "gcr.io/4000:latest"), image(30, "gcr.io/30:latest")};
        ContainerImage[] node203040 = {image(20, "gcr.io/20:latest"), image(30, "gcr.io/30:latest"), image(40, "gcr.io/40:latest")};
        ContainerImage[] nodeWithNoImages = {};

        return Stream.of(
                Arguments.of("two images spread on two nodes, prefer the larger image one", test40250,
                        List.of(imageNode("node1", node403002000), imageNode("node2", node25010)), new long[] {0, 5}),
                Arguments.of("two images on one node, prefer this node", test40300,
                        List.of(imageNode("node1", node403002000), imageNode("node2", node25010)), new long[] {7, 0}),
                Arguments.of("if exceed limit, use limit", testMinMax,
                        List.of(imageNode("node1", node400030), imageNode("node2", node25010)), new long[] {100, 0}),
                Arguments.of("if exceed limit, use limit (with node which has no images present)", testMinMax,
                        List.of(imageNode("node1", node400030), imageNode("node2", node25010), imageNode("node3", nodeWithNoImages)),
                        new long[] {66, 0, 0}),
                Arguments.of("pod with multiple large images, node2 is preferred", test300600900,
                        List.of(imageNode("node1", node60040900), imageNode("node2", node300600900), imageNode("node3", nodeWithNoImages)),
                        new long[] {32, 36, 0}),
                Arguments.of("pod with multiple small images", test3040,
                        List.of(imageNode("node1", node203040), imageNode("node2", node400030)), new long[] {1, 0}),
                Arguments.of("include InitContainers: two images spread on two nodes, prefer the larger image one", test30Init300,
                        List.of(imageNode("node1", node403002000), imageNode("node2", node203040)), new long[] {6, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorityCases")
    void imageLocalityPriority(String name, Pod pod, List<Node> nodeObjs, long[] expected) {
        List<NodeInfo> nodes = nodeObjs.stream().map(NodeInfo::new).toList();
        ImageLocality plugin = new ImageLocality();
        CycleState state = new CycleState();
        PodInfo pi = new PodInfo(pod);
        assertThat(plugin.preScore(state, pi, nodes, nodes)).isEqualTo(Status.SUCCESS);
        long[] got = new long[nodes.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = plugin.score(state, pi, nodes.get(i));
        }
        long[] normalized = got.clone();
        plugin.normalize(state, pi, nodes, normalized);
        assertThat(got).isEqualTo(expected);
        assertThat(normalized).as("no NormalizeScore").isEqualTo(expected);
    }

    static Stream<Arguments> normalizedNameCases() {
        return Stream.of(
                Arguments.of("add :latest postfix 1", "root", "root:latest"),
                Arguments.of("add :latest postfix 2", "gcr.io:5000/root", "gcr.io:5000/root:latest"),
                Arguments.of("keep it as is 1", "root:tag", "root:tag"),
                Arguments.of("keep it as is 2", "root@" + fakeDigest("root"), "root@" + fakeDigest("root")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalizedNameCases")
    void normalizedImageName(String name, String input, String output) {
        assertThat(ImageLocality.normalizedImageName(input)).isEqualTo(output);
    }

    private static String fakeDigest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
