package io.habitus.profile.web;

import io.habitus.profile.EnforcementRules;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

@Schema(description = "A Kubescape NetworkNeighborhood (spdx.softwarecomposition.kubescape.io/v1beta1) of a profile "
        + "version: the ports the container accepts on (ingress) and connects to (egress), from any address")
record NetworkNeighborhoodDocument(
        @Schema(example = ApplicationProfileDocument.API_VERSION) String apiVersion,
        @Schema(example = "NetworkNeighborhood") String kind,
        KubernetesMetadata metadata,
        NetworkNeighborhoodSpec spec) {

    @Schema(description = "The containers of the workload: Habitus knows one per image")
    record NetworkNeighborhoodSpec(
            List<NetworkNeighborhoodContainer> containers,
            List<NetworkNeighborhoodContainer> initContainers,
            List<NetworkNeighborhoodContainer> ephemeralContainers) {}

    @Schema(description = "One container's peers: at most one ingress and one egress neighbour, any address")
    record NetworkNeighborhoodContainer(
            @Schema(example = "nginx") String name, List<NetworkNeighbor> ingress, List<NetworkNeighbor> egress) {}

    @Schema(description = "A peer: Habitus keeps no addresses in profiles, so every address (\"*\")")
    record NetworkNeighbor(
            @Schema(example = "habitus-egress") String identifier,
            @Schema(example = "external") String type,
            String dns,
            List<String> dnsNames,
            List<NetworkPort> ports,
            String ipAddress,
            @Schema(example = "[\"*\"]") List<String> ipAddresses) {}

    @Schema(description = "A port, named <PROTOCOL>-<port> as Kubescape names them")
    record NetworkPort(
            @Schema(example = "TCP-5432") String name,
            @Schema(allowableValues = {"TCP", "UDP", "SCTP"}) String protocol,
            int port) {}

    static NetworkNeighborhoodDocument of(EnforcementRules rules, String name) {
        Map<String, NetworkPort> ingress = new TreeMap<>();
        Map<String, NetworkPort> egress = new TreeMap<>();
        List<String> omitted = new ArrayList<>();
        for (EnforcementRules.Connection connection : rules.connections()) {
            String rule = (connection.inbound() ? "inbound " : "connect ") + connection.protocol() + "/" + connection.port();
            if (connection.port().equals("ephemeral")) {
                omitted.add(rule + ": a port range, which a NetworkNeighborhood cannot state");
                continue;
            }
            List<String> protocols = switch (connection.protocol()) {
                case "tcp", "udp", "sctp" -> List.of(connection.protocol().toUpperCase(Locale.ROOT));
                // Tetragon's sockaddr kprobes do not say which transport: allow both.
                case "ip" -> List.of("TCP", "UDP");
                default -> List.of();
            };
            if (protocols.isEmpty()) {
                omitted.add(rule + ": Kubescape knows TCP, UDP and SCTP only");
            }
            for (String protocol : protocols) {
                int port = Integer.parseInt(connection.port());
                NetworkPort networkPort = new NetworkPort(protocol + "-" + port, protocol, port);
                (connection.inbound() ? ingress : egress).put(networkPort.name(), networkPort);
            }
        }
        NetworkNeighborhoodContainer container = new NetworkNeighborhoodContainer(ExportMetadata.containerName(rules),
                neighbours("habitus-ingress", ingress), neighbours("habitus-egress", egress));
        return new NetworkNeighborhoodDocument(ApplicationProfileDocument.API_VERSION, "NetworkNeighborhood",
                ExportMetadata.of(rules, name, omitted), new NetworkNeighborhoodSpec(List.of(container), List.of(), List.of()));
    }

    private static List<NetworkNeighbor> neighbours(String identifier, Map<String, NetworkPort> ports) {
        return ports.isEmpty() ? List.of() : List.of(new NetworkNeighbor(identifier, "external", "", List.of(),
                List.copyOf(ports.values()), "", List.of("*")));
    }
}
