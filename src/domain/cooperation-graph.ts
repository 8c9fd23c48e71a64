/**
 * The cooperation graph as partner matching reads it: organisations (nodes) and their partnerships
 * (edges), with the statistics the ranking learns from the graph itself: how often towns of one country
 * pair with towns of another, and where the partners of towns near a place are. Pure data structures,
 * built from rows the matching repository reads.
 */

/** An organisation as matching sees it. */
export interface GraphOrganisation {
  id: string;
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  themes: readonly string[];
  /** Organisations (networks, associations) it is a member of. */
  memberOf: readonly string[];
  /** Projects and activities it took part in. */
  projects: number;
  activities: number;
}

/** A partnership between two organisations. */
export interface GraphPartnership {
  organisationAId: string;
  organisationBId: string;
  type: string;
  status: string;
}

/** A partner of a node: its index and the partnership. */
export interface GraphTie {
  node: number;
  type: string;
  status: string;
}

/** Grid cells of half a degree: a town's neighbours within 100 km are in a few dozen cells. */
const cellDegrees = 0.5;
const longitudeCells = 360 / cellDegrees;

function cellOf(latitude: number, longitude: number): number {
  return cellKey(Math.floor(latitude / cellDegrees), Math.floor(longitude / cellDegrees));
}

function cellKey(latitudeCell: number, longitudeCell: number): number {
  const wrapped = ((longitudeCell % longitudeCells) + longitudeCells) % longitudeCells;
  return latitudeCell * longitudeCells + wrapped;
}

export interface CooperationGraph {
  nodes: readonly GraphOrganisation[];
  indexOf: ReadonlyMap<string, number>;
  ties: readonly (readonly GraphTie[])[];
  /** Partnerships of each node (its degree). */
  degree: Float64Array;
  /** Partnership ends between countries: `pairs.get(A).get(B)` partnerships of a town in A with one in B. */
  countryPairs: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Partnership ends per country (the row sums of `countryPairs`). */
  countryEnds: ReadonlyMap<string, number>;
  /** Sum over a country's organisations of (degree + 1): how a country's share is split among its towns. */
  countryWeight: ReadonlyMap<string, number>;
  /** All partnership ends. */
  totalEnds: number;
  /** Countries with organisations in the graph. */
  countries: readonly string[];
  /** Coordinates of each node in degrees (NaN when unknown), for quick distance estimates. */
  latitudes: Float64Array;
  longitudes: Float64Array;
  grid: ReadonlyMap<number, Int32Array>;
}

/** Builds the graph from organisations and their partnerships (partnerships of unknown organisations are skipped). */
export function buildCooperationGraph(
  organisations: readonly GraphOrganisation[],
  partnerships: readonly GraphPartnership[],
): CooperationGraph {
  const indexOf = new Map(organisations.map((organisation, index) => [organisation.id, index]));
  const ties: GraphTie[][] = organisations.map(() => []);
  const degree = new Float64Array(organisations.length);
  const countryPairs = new Map<string, Map<string, number>>();
  const countryEnds = new Map<string, number>();
  let totalEnds = 0;
  const addEnd = (from: string | null, to: string | null) => {
    if (!from || !to) return;
    const row = countryPairs.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    countryPairs.set(from, row);
    countryEnds.set(from, (countryEnds.get(from) ?? 0) + 1);
    totalEnds++;
  };
  for (const partnership of partnerships) {
    const a = indexOf.get(partnership.organisationAId);
    const b = indexOf.get(partnership.organisationBId);
    if (a === undefined || b === undefined || a === b) continue;
    ties[a]!.push({ node: b, type: partnership.type, status: partnership.status });
    ties[b]!.push({ node: a, type: partnership.type, status: partnership.status });
    degree[a]! += 1;
    degree[b]! += 1;
    addEnd(organisations[a]!.country, organisations[b]!.country);
    addEnd(organisations[b]!.country, organisations[a]!.country);
  }
  const countryWeight = new Map<string, number>();
  const cells = new Map<number, number[]>();
  const latitudes = new Float64Array(organisations.length).fill(Number.NaN);
  const longitudes = new Float64Array(organisations.length).fill(Number.NaN);
  organisations.forEach((organisation, index) => {
    if (organisation.country)
      countryWeight.set(
        organisation.country,
        (countryWeight.get(organisation.country) ?? 0) + degree[index]! + 1,
      );
    if (organisation.latitude === null || organisation.longitude === null) return;
    latitudes[index] = organisation.latitude;
    longitudes[index] = organisation.longitude;
    const key = cellOf(organisation.latitude, organisation.longitude);
    const cell = cells.get(key) ?? [];
    cell.push(index);
    cells.set(key, cell);
  });
  const grid = new Map([...cells].map(([key, members]) => [key, Int32Array.from(members)]));
  return {
    nodes: organisations,
    indexOf,
    ties,
    degree,
    countryPairs,
    countryEnds,
    countryWeight,
    totalEnds,
    countries: [...countryWeight.keys()].sort(),
    latitudes,
    longitudes,
    grid,
  };
}

const kmPerDegree = 111.195;

/**
 * Calls `visit` with every node within `radiusKm` of a point and its distance, estimated on a local
 * flat projection (within a hundred kilometres it is off by well under a percent).
 */
export function forEachNear(
  graph: CooperationGraph,
  latitude: number,
  longitude: number,
  radiusKm: number,
  visit: (node: number, distanceKm: number) => void,
): void {
  const latitudeSpan = radiusKm / kmPerDegree;
  const cosine = Math.max(0.01, Math.cos((latitude * Math.PI) / 180));
  const longitudeSpan = Math.min(180, radiusKm / (kmPerDegree * cosine));
  const fromLat = Math.floor((latitude - latitudeSpan) / cellDegrees);
  const toLat = Math.floor((latitude + latitudeSpan) / cellDegrees);
  const fromLng = Math.floor((longitude - longitudeSpan) / cellDegrees);
  const toLng = Math.min(fromLng + longitudeCells - 1, Math.floor((longitude + longitudeSpan) / cellDegrees));
  const radiusSquared = radiusKm * radiusKm;
  const { latitudes, longitudes } = graph;
  for (let lat = fromLat; lat <= toLat; lat++) {
    for (let lng = fromLng; lng <= toLng; lng++) {
      const members = graph.grid.get(cellKey(lat, lng));
      if (!members) continue;
      for (let i = 0; i < members.length; i++) {
        const node = members[i]!;
        const dy = (latitudes[node]! - latitude) * kmPerDegree;
        let dLng = longitudes[node]! - longitude;
        if (dLng > 180) dLng -= 360;
        else if (dLng < -180) dLng += 360;
        const dx = dLng * kmPerDegree * cosine;
        const squared = dx * dx + dy * dy;
        if (squared <= radiusSquared) visit(node, Math.sqrt(squared));
      }
    }
  }
}

/** The nodes within `radiusKm` of a point, with their (estimated) distances. */
export function nodesNear(
  graph: CooperationGraph,
  point: { latitude: number; longitude: number },
  radiusKm: number,
): { node: number; distanceKm: number }[] {
  const found: { node: number; distanceKm: number }[] = [];
  forEachNear(graph, point.latitude, point.longitude, radiusKm, (node, distance) =>
    found.push({ node, distanceKm: distance }),
  );
  return found;
}

/** The coordinates of a node, if it has them. */
export function locationOf(
  graph: CooperationGraph,
  node: number,
): { latitude: number; longitude: number } | undefined {
  const { latitude, longitude } = graph.nodes[node]!;
  return latitude === null || longitude === null ? undefined : { latitude, longitude };
}
