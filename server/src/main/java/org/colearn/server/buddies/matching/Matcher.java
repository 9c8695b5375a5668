package org.colearn.server.buddies.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * Pairs sites: keeps the facilitator's pins, finds the best set of pairs among the other sites with a maximum-weight
 * matching on a general graph (Kolmogorov's blossom V), then puts each site left over into the pair it adds most to.
 * Sites that exclude each other are never in one group.
 */
public final class Matcher {

    private Matcher() {}

    /**
     * Up to this many sites every pair is a candidate and the proposal is optimal. Above it, each site brings its
     * {@link #CANDIDATES} best partners: the matching then runs on a sparse graph, which is what keeps 500 sites
     * under two seconds; docs/benchmarks.md compares the two.
     */
    static final int EVERY_PAIR_UP_TO = 120;

    static final int CANDIDATES = 30;

    /** The best proposal; {@code pins} are groups of site ids (two or three) the facilitator fixed. */
    public static Proposal match(List<SiteProfile> sites, History history, List<List<String>> pins) {
        return run(sites, history, pins, Mode.BEST);
    }

    /** The proposal with every pair a candidate, however many sites: only for comparison with {@link #match}. */
    public static Proposal matchOnEveryPair(List<SiteProfile> sites, History history) {
        return run(sites, history, List.of(), Mode.EVERY_PAIR);
    }

    /** The same run with a greedy pass (best pair first) instead of the matching: only for comparison. */
    public static Proposal greedy(List<SiteProfile> sites, History history) {
        return run(sites, history, List.of(), Mode.GREEDY);
    }

    /** Describes a group of two or three sites as a proposal would: score, parts and reasons. */
    public static Group group(List<SiteProfile> members, History history, boolean pinned) {
        if (members.size() == 2) {
            return pairGroup(members.get(0), members.get(1), Scoring.score(members.get(0), members.get(1), history), pinned);
        }
        return triad(members.get(0), members.get(1), members.get(2), history, pinned);
    }

    /** Whether any two sites of this group refuse each other. */
    public static boolean excluded(List<SiteProfile> members) {
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                if (members.get(i).excludes(members.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Proposal run(List<SiteProfile> sites, History history, List<List<String>> pins, Mode mode) {
        Map<String, SiteProfile> byId = new LinkedHashMap<>();
        sites.forEach(site -> byId.put(site.id(), site));
        List<Group> groups = new ArrayList<>();
        List<Proposal.Unplaced> unplaced = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (List<String> pin : pins) {
            groups.add(group(pin.stream().map(byId::get).toList(), history, true));
            taken.addAll(pin);
        }
        List<SiteProfile> free = new ArrayList<>();
        for (SiteProfile site : sites) {
            if (taken.contains(site.id())) {
                continue;
            }
            if (site.capacity() < 1) {
                unplaced.add(new Proposal.Unplaced(site.id(), site.name() + " has no room for a buddy now"));
            } else {
                free.add(site);
            }
        }

        Objective objective = new Objective(free.size());
        List<Topics> topics = free.stream().map(Topics::new).toList();
        Set<Long> pairedBefore = pairedBefore(free, history);
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            for (int j = i + 1; j < free.size(); j++) {
                if (!free.get(i).excludes(free.get(j))) {
                    Scoring.Quick quick = Scoring.quick(topics.get(i), topics.get(j), pairedBefore.contains(key(i, j, free.size())));
                    edges.add(new Edge(i, j, objective.weight(quick.total(), quick.mutual())));
                }
            }
        }
        List<Edge> chosen;
        if (mode == Mode.GREEDY) {
            chosen = greedy(free.size(), edges);
        } else if (mode == Mode.BEST && free.size() > EVERY_PAIR_UP_TO) {
            chosen = blossom(free.size(), candidates(free.size(), edges));
        } else {
            chosen = blossom(free.size(), edges);
        }

        long total = 0;
        boolean[] matched = new boolean[free.size()];
        List<Group> made = new ArrayList<>();
        for (Edge edge : chosen) {
            total += edge.weight();
            matched[edge.i()] = true;
            matched[edge.j()] = true;
            made.add(pairGroup(free.get(edge.i()), free.get(edge.j()), Scoring.score(topics.get(edge.i()), topics.get(edge.j()), history), false));
        }
        for (int i = 0; i < free.size(); i++) {
            if (!matched[i]) {
                joinBestPair(free.get(i), made, byId, history, unplaced);
            }
        }
        made.sort(Comparator.comparingInt(Group::score).reversed());
        groups.addAll(made);
        return new Proposal(groups, unplaced, total);
    }

    private static List<Edge> blossom(int vertices, List<Edge> edges) {
        if (edges.isEmpty()) {
            return List.of();
        }
        // The algorithm adds vertices of its own, so the graph must be able to make them.
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int v = 0; v < vertices; v++) {
            graph.addVertex();
        }
        Map<DefaultWeightedEdge, Edge> ours = new java.util.HashMap<>(edges.size() * 2);
        for (Edge edge : edges) {
            DefaultWeightedEdge e = graph.addEdge(edge.i(), edge.j());
            graph.setEdgeWeight(e, edge.weight());
            ours.put(e, edge);
        }
        var matching = new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        List<Edge> chosen = new ArrayList<>();
        matching.getEdges().forEach(e -> chosen.add(ours.get(e)));
        chosen.sort(Comparator.comparingInt(Edge::i));
        return chosen;
    }

    /** Each site's {@link #CANDIDATES} heaviest edges, together. */
    private static List<Edge> candidates(int vertices, List<Edge> edges) {
        List<List<Edge>> bySite = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            bySite.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            bySite.get(edge.i()).add(edge);
            bySite.get(edge.j()).add(edge);
        }
        Set<Edge> kept = new HashSet<>();
        Comparator<Edge> heaviestFirst = Comparator.comparingLong(Edge::weight).reversed();
        for (List<Edge> own : bySite) {
            own.sort(heaviestFirst);
            kept.addAll(own.subList(0, Math.min(CANDIDATES, own.size())));
        }
        return new ArrayList<>(kept);
    }

    private static List<Edge> greedy(int vertices, List<Edge> edges) {
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingLong(Edge::weight).reversed());
        boolean[] used = new boolean[vertices];
        List<Edge> chosen = new ArrayList<>();
        for (Edge edge : sorted) {
            if (!used[edge.i()] && !used[edge.j()]) {
                used[edge.i()] = true;
                used[edge.j()] = true;
                chosen.add(edge);
            }
        }
        return chosen;
    }

    /**
     * Puts a site left over into the pair where it adds the most, preferring pairs whose sites can take on a second
     * buddy; a pair takes at most one extra site.
     */
    private static void joinBestPair(
            SiteProfile site, List<Group> made, Map<String, SiteProfile> byId, History history, List<Proposal.Unplaced> unplaced) {
        int best = -1;
        long bestValue = Long.MIN_VALUE;
        for (int g = 0; g < made.size(); g++) {
            Group pair = made.get(g);
            if (pair.triad()) {
                continue;
            }
            SiteProfile a = byId.get(pair.siteIds().get(0));
            SiteProfile b = byId.get(pair.siteIds().get(1));
            if (site.excludes(a) || site.excludes(b)) {
                continue;
            }
            boolean room = a.capacity() > 1 && b.capacity() > 1 && site.capacity() > 1;
            long value = (room ? 1_000_000L : 0) + Scoring.score(site, a, history).total() + Scoring.score(site, b, history).total();
            if (value > bestValue) {
                bestValue = value;
                best = g;
            }
        }
        if (best < 0) {
            unplaced.add(new Proposal.Unplaced(site.id(), site.name() + " could not join any pair: every possible partner is excluded"));
            return;
        }
        Group pair = made.get(best);
        made.set(best, triad(byId.get(pair.siteIds().get(0)), byId.get(pair.siteIds().get(1)), site, history, false));
    }

    private static Group pairGroup(SiteProfile a, SiteProfile b, PairScore s, boolean pinned) {
        return new Group(
                List.of(a.id(), b.id()), s.total(), s.mutuality(), s.locality(), s.stage(), s.freshness(), s.mutual(), pinned,
                Reasons.of(a, b, s));
    }

    private static Group triad(SiteProfile a, SiteProfile b, SiteProfile c, History history, boolean pinned) {
        PairScore ab = Scoring.score(a, b, history);
        PairScore ac = Scoring.score(a, c, history);
        PairScore bc = Scoring.score(b, c, history);
        List<String> reasons = new ArrayList<>();
        Reasons.of(a, b, ab).forEach(r -> reasons.add(a.name() + " and " + b.name() + ": " + r));
        Reasons.of(c, a, ac).forEach(r -> reasons.add(c.name() + " and " + a.name() + ": " + r));
        Reasons.of(c, b, bc).forEach(r -> reasons.add(c.name() + " and " + b.name() + ": " + r));
        return new Group(
                List.of(a.id(), b.id(), c.id()),
                mean(ab.total(), ac.total(), bc.total()),
                mean(ab.mutuality(), ac.mutuality(), bc.mutuality()),
                mean(ab.locality(), ac.locality(), bc.locality()),
                mean(ab.stage(), ac.stage(), bc.stage()),
                mean(ab.freshness(), ac.freshness(), bc.freshness()),
                ab.mutual() && (ac.mutual() || bc.mutual()),
                pinned,
                reasons);
    }

    private static int mean(int x, int y, int z) {
        return Math.round((x + y + z) / 3f);
    }

    private enum Mode { BEST, EVERY_PAIR, GREEDY }

    private record Edge(int i, int j, long weight) {}

    /** The pairs of these sites made in earlier rounds, by their indices: faster to look up than by ids. */
    private static Set<Long> pairedBefore(List<SiteProfile> sites, History history) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            index.put(sites.get(i).id(), i);
        }
        Set<Long> pairs = new HashSet<>();
        for (String pair : history.roundByPair().keySet()) {
            String[] ids = pair.split("\\|", 2);
            Integer a = index.get(ids[0]);
            Integer b = ids.length == 2 ? index.get(ids[1]) : null;
            if (a != null && b != null) {
                pairs.add(key(Math.min(a, b), Math.max(a, b), sites.size()));
            }
        }
        return pairs;
    }

    private static long key(int i, int j, int n) {
        return (long) i * n + j;
    }
}
