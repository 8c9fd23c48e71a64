/**
 * A cooperation map as pages use it: a labelled region that loads the map library on demand (after the
 * page has rendered, with a visible loading state), and a plain message when the map cannot be drawn.
 * Pages keep their list of the same organisations beside it: that list is the accessible alternative, and
 * the map adds nothing that the list does not say.
 */
import { Box, Skeleton, Text } from '@mantine/core';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { MapPlace, MapTie } from './map-features';
import './cooperation-map.css';

// The map library is large: it arrives in its own chunk, requested when a map is first rendered.
const CooperationMapCanvas = lazy(() => import('./cooperation-map-canvas'));

export interface CooperationMapProps {
  /** Organisations with a location; the page's own organisation marked `isFocus`. */
  places: readonly MapPlace[];
  ties: readonly MapTie[];
  /** The region's accessible name, e.g. "Map of Zagreb and its partners". */
  label: string;
}

/** A map of organisations and their ties, loaded lazily, with its legend. */
export function CooperationMap({ places, ties, label }: CooperationMapProps) {
  return (
    <div role="region" aria-label={label} className="cooperation-map">
      <MapErrorBoundary fallback={<MapUnavailable />}>
        <Suspense fallback={<MapLoading />}>
          <CooperationMapCanvas places={places} ties={ties} />
        </Suspense>
      </MapErrorBoundary>
    </div>
  );
}

function MapLoading() {
  const t = useT();
  return (
    <Box pos="relative" aria-busy="true">
      <Skeleton className="cooperation-map-canvas" animate />
      <Text className="cooperation-map-loading" size="sm">
        {t('map.loading')}
      </Text>
    </Box>
  );
}

function MapUnavailable() {
  const t = useT();
  return (
    <Text c="dimmed" fs="italic" py="sm">
      {t('map.unavailable.data')}
    </Text>
  );
}

/** Keeps a map that failed to load (its chunk gone after an update, offline) from taking the page down. */
class MapErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The map could not be shown:', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
