package dev.sandtable.cluster;

/** Default regions and zone-to-region naming of each provider (topology.kubernetes.io labels). */
final class Regions {
    private Regions() {
    }

    static String defaultZone(Provider p) {
        return switch (p) {
            // AKS nodes outside availability zones carry zone "0".
            case AKS -> "0";
            case EKS -> "us-east-1a";
            case GKE -> "us-central1-a";
            case NONE -> "zone-a";
        };
    }

    static String regionOf(Provider p, String zone) {
        return switch (p) {
            case AKS -> zone.matches(".+-\\d+") ? zone.substring(0, zone.lastIndexOf('-')) : "eastus";
            case EKS -> zone.matches(".+-\\d+[a-z]") ? zone.substring(0, zone.length() - 1) : "us-east-1";
            case GKE -> zone.matches(".+-[a-z]") ? zone.substring(0, zone.lastIndexOf('-')) : "us-central1";
            case NONE -> zone.matches(".+-[a-z0-9]+") ? zone.substring(0, zone.lastIndexOf('-')) : "region";
        };
    }
}
