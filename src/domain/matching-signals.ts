import { forEachNear, locationOf, nodesNear, type CooperationGraph } from './cooperation-graph.js';
import { distanceKm } from './geo.js';

/**
 * What the cooperation graph says about the partners an organisation might have, learned from the graph
 * at query time:
 * - common partners (Adamic–Adar: a partner in common counts more when it has few partners);
 * - the extended network: partners of partners of partners;
 * - regional ties: the towns near the organisation cooperate with towns near the candidate, or with the
 *   candidate itself ("geographic transfer"), at the scale of a town's surroundings and of a region.
 * Scores are sparse: only candidates the graph says something about are in the maps.
 */

/** Radii (km) of the regional ties: a town's surroundings and its region. Kernels reach twice as far. */
export const regionalRadiiKm = [20, 60] as const;

/** Per radius of {@link regionalRadiiKm}, a score per node (zero for most). */
export interface RegionalScores {
  /** The candidate is a partner of towns near the organisation. */
  partnerOfNeighbours: Float64Array[];
  /** The candidate lies near partners of towns near the organisation (and of its own partners). */
  nearPartnersOfNeighbours: Float64Array[];
  /** As `nearPartnersOfNeighbours`, as a probability: each nearby town's ties spread over the towns around them. */
  transferShare: Float64Array[];
  /** Whether any regional tie reaches the node. */
  isReached: Uint8Array;
}

export interface GraphSignals {
  commonPartners: Map<number, number>;
  extendedNetwork: Map<number, number>;
  regional: RegionalScores;
}

const kernel = (distance: number, radius: number) => Math.exp(-((distance / radius) ** 2));

/** Adamic–Adar scores of the organisation's non-partners: Σ over partners in common of 1 / log(their partners). */
export function adamicAdar(graph: CooperationGraph, node: number): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { node: partner } of graph.ties[node]!) {
    const degree = graph.degree[partner]!;
    if (degree <= 1) continue;
    for (const { node: candidate } of graph.ties[partner]!) {
      if (candidate !== node) scores.set(candidate, (scores.get(candidate) ?? 0) + 1 / Math.log(degree));
    }
  }
  return scores;
}

/** Paths of three partnerships from the organisation, each weighted down by how connected its steps are. */
export function extendedNetwork(graph: CooperationGraph, node: number): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { node: first } of graph.ties[node]!) {
    const firstDegree = graph.degree[first]!;
    if (firstDegree <= 1) continue;
    for (const { node: second } of graph.ties[first]!) {
      if (second === node) continue;
      const secondDegree = graph.degree[second]!;
      if (secondDegree <= 1) continue;
      const weight = 1 / (Math.log(firstDegree + 1) * Math.log(secondDegree + 1));
      for (const { node: candidate } of graph.ties[second]!) {
        if (candidate !== first && candidate !== node)
          scores.set(candidate, (scores.get(candidate) ?? 0) + weight);
      }
    }
  }
  return scores;
}

/** The regional ties of every candidate the organisation's surroundings reach (see {@link RegionalScores}). */
export function regionalTies(graph: CooperationGraph, node: number): RegionalScores {
  const count = graph.nodes.length;
  const scores: RegionalScores = {
    partnerOfNeighbours: regionalRadiiKm.map(() => new Float64Array(count)),
    nearPartnersOfNeighbours: regionalRadiiKm.map(() => new Float64Array(count)),
    transferShare: regionalRadiiKm.map(() => new Float64Array(count)),
    isReached: new Uint8Array(count),
  };
  const here = locationOf(graph, node);
  if (!here) return scores;
  const around = new Int32Array(count);
  const aroundKernel = new Float64Array(count);
  const targetWeight = new Float64Array(count);
  const targetShare = new Float64Array(count);
  regionalRadiiKm.forEach((radius, r) => {
    const reach = 2 * radius;
    const partnerOfNeighbours = scores.partnerOfNeighbours[r]!;
    const nearPartners = scores.nearPartnersOfNeighbours[r]!;
    const transferShare = scores.transferShare[r]!;
    targetWeight.fill(0);
    targetShare.fill(0);
    const targets: number[] = [];
    let neighbourCount = 0;
    let neighbourWeight = 0;
    forEachNear(graph, here.latitude, here.longitude, reach, (neighbour, distance) => {
      if (neighbour === node) return;
      around[neighbourCount] = neighbour;
      aroundKernel[neighbourCount] = kernel(distance, radius);
      neighbourWeight += aroundKernel[neighbourCount]!;
      neighbourCount++;
    });
    // Where the partners of the towns around are, with how much each weighs.
    for (let i = 0; i < neighbourCount; i++) {
      const neighbour = around[i]!;
      const weight = aroundKernel[i]!;
      const degree = graph.degree[neighbour]!;
      for (const { node: partner } of graph.ties[neighbour]!) {
        partnerOfNeighbours[partner]! += weight;
        scores.isReached[partner] = 1;
        if (targetWeight[partner] === 0) targets.push(partner);
        targetWeight[partner]! += weight;
        targetShare[partner]! += weight / neighbourWeight / degree;
      }
    }
    // The organisation's own partners count as the ties of a town at its very place.
    for (const { node: partner } of graph.ties[node]!) {
      if (targetWeight[partner] === 0) targets.push(partner);
      targetWeight[partner]! += 1;
    }
    for (const target of targets) {
      const latitude = graph.latitudes[target]!;
      if (Number.isNaN(latitude)) continue;
      let found = 0;
      let attraction = 0;
      forEachNear(graph, latitude, graph.longitudes[target]!, reach, (candidate, distance) => {
        around[found] = candidate;
        aroundKernel[found] = kernel(distance, radius);
        attraction += aroundKernel[found]! * (graph.degree[candidate]! + 1);
        found++;
      });
      const weight = targetWeight[target]!;
      const share = targetShare[target]!;
      for (let i = 0; i < found; i++) {
        const candidate = around[i]!;
        const k = aroundKernel[i]!;
        nearPartners[candidate]! += weight * k;
        if (share > 0) transferShare[candidate]! += (share * k * (graph.degree[candidate]! + 1)) / attraction;
        scores.isReached[candidate] = 1;
      }
    }
  });
  return scores;
}

/** All graph signals of one organisation. */
export function graphSignals(graph: CooperationGraph, node: number): GraphSignals {
  return {
    commonPartners: adamicAdar(graph, node),
    extendedNetwork: extendedNetwork(graph, node),
    regional: regionalTies(graph, node),
  };
}

/**
 * Examples of the regional ties between an organisation and a candidate, strongest first: a town near
 * the organisation and its partner near the candidate (or the candidate itself).
 */
export function regionalExamples(
  graph: CooperationGraph,
  node: number,
  candidate: number,
  limit = 3,
): { neighbour: number; partner: number; weight: number }[] {
  const here = locationOf(graph, node);
  const there = locationOf(graph, candidate);
  if (!here || !there) return [];
  const radius = regionalRadiiKm[regionalRadiiKm.length - 1]!;
  const examples: { neighbour: number; partner: number; weight: number }[] = [];
  for (const { node: neighbour, distanceKm: distance } of nodesNear(graph, here, 2 * radius)) {
    if (neighbour === node || neighbour === candidate) continue;
    for (const { node: partner } of graph.ties[neighbour]!) {
      if (partner === node) continue;
      const place = locationOf(graph, partner);
      if (!place) continue;
      const away = partner === candidate ? 0 : distanceKm(place, there);
      if (away > 2 * radius) continue;
      examples.push({ neighbour, partner, weight: kernel(distance, radius) * kernel(away, radius) });
    }
  }
  return examples.sort((a, b) => b.weight - a.weight).slice(0, limit);
}
