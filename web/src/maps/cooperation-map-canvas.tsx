/**
 * The interactive map itself: MapLibre GL drawing the offline basemap, the organisations and their ties.
 * This module and the map library load only when a page shows a map (see lazy-map.tsx), never with the
 * home page's first download.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Text } from '@mantine/core';
import {
  GPUInitializationError,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/use-t';
import { configuredTileLayer, cooperationMapStyle, placeLayerId } from './basemap-style';
import { loadCountries } from './countries';
import { MapLegend } from './map-legend';
import { boundsOf, placesToFeatures, tiesToFeatures, type MapPlace, type MapTie } from './map-features';

// The library resolves its worker beside its own file, which a bundler moves; point it at the copy the
// build emits under /assets (same origin, served as text/javascript).
setWorkerUrl(workerUrl);

const tiles = configuredTileLayer(import.meta.env);

export interface CooperationMapCanvasProps {
  places: readonly MapPlace[];
  ties: readonly MapTie[];
}

type Failure = 'webgl' | 'data';

/** Closest zoom when framing the places: one place alone still shows its country's neighbours. */
const fitOptions = { padding: 48, maxZoom: 5 };

/**
 * The map and its legend, or a message saying why it cannot be drawn (the list beside it holds the same
 * content).
 */
export default function CooperationMapCanvas({ places, ties }: CooperationMapCanvasProps) {
  const t = useT();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | undefined>(undefined);
  const navigateRef = useRef(navigate);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);

  const placeFeatures = useMemo(() => placesToFeatures(places), [places]);
  const tieFeatures = useMemo(() => tiesToFeatures(ties, places), [ties, places]);
  const bounds = useMemo(() => boundsOf(places), [places]);
  // The latest data, read when the map is (re)built; later changes go through setData below.
  const dataRef = useRef({ placeFeatures, tieFeatures, bounds });

  useEffect(() => {
    navigateRef.current = navigate;
    dataRef.current = { placeFeatures, tieFeatures, bounds };
  });

  const uiStrings = useMemo(
    () => ({
      // Not the region's label: two landmarks with one name cannot be told apart.
      'Map.Title': t('map.ui.canvas'),
      'NavigationControl.ZoomIn': t('map.ui.zoomIn'),
      'NavigationControl.ZoomOut': t('map.ui.zoomOut'),
      'AttributionControl.ToggleAttribution': t('map.ui.attribution'),
      'Popup.Close': t('map.ui.closePopup'),
      'CooperativeGesturesHandler.WindowsHelpText': t('map.ui.gestureWindows'),
      'CooperativeGesturesHandler.MacHelpText': t('map.ui.gestureMac'),
      'CooperativeGesturesHandler.MobileHelpText': t('map.ui.gestureMobile'),
    }),
    [t],
  );
  const goToLabel = t('map.goTo');
  const publicDomain = t('map.publicDomain');

  // Build the map once per interface language (its controls' labels are fixed at construction).
  useEffect(() => {
    let isCurrent = true;
    let map: MapLibreMap | undefined;
    void loadCountries().then(
      (countries) => {
        if (!isCurrent || !container.current) return;
        const {
          placeFeatures: initialPlaces,
          tieFeatures: initialTies,
          bounds: initialBounds,
        } = dataRef.current;
        try {
          map = new MapLibreMap({
            container: container.current,
            style: cooperationMapStyle({
              countries,
              places: initialPlaces,
              ties: initialTies,
              tiles,
              publicDomain,
            }),
            ...(initialBounds
              ? { bounds: initialBounds, fitBoundsOptions: fitOptions }
              : { center: [15, 47], zoom: 3 }),
            minZoom: 1,
            maxZoom: 9,
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            cooperativeGestures: true,
            attributionControl: { compact: false },
            locale: uiStrings,
          });
        } catch (error) {
          if (error instanceof GPUInitializationError) setFailure('webgl');
          else throw error;
          return;
        }
        mapRef.current = map;
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
        addPlaceInteraction(map, goToLabel, (path) => void navigateRef.current(path));
        map.on('error', (event) => console.warn('Map:', event.error));
      },
      () => {
        if (isCurrent) setFailure('data');
      },
    );
    return () => {
      isCurrent = false;
      mapRef.current = undefined;
      map?.remove();
    };
  }, [uiStrings, goToLabel, publicDomain]);

  // New data for a map already drawn (partners' locations arriving, another organisation's page reusing
  // the component); the view is framed again only when the places' extent changed.
  const boundsKey = JSON.stringify(bounds);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getSource<GeoJSONSource>('places')?.setData(placeFeatures);
    map.getSource<GeoJSONSource>('ties')?.setData(tieFeatures);
  }, [placeFeatures, tieFeatures]);
  useEffect(() => {
    const map = mapRef.current;
    const { bounds: latestBounds } = dataRef.current;
    if (map && latestBounds) map.fitBounds(latestBounds, { ...fitOptions, animate: false });
  }, [boundsKey]);

  if (failure) {
    return (
      <Alert color="gray" variant="light" title={t('map.unavailable.title')}>
        <Text size="sm">{t(failure === 'webgl' ? 'map.unavailable.webgl' : 'map.unavailable.data')}</Text>
      </Alert>
    );
  }
  return (
    <>
      <div ref={container} className="cooperation-map-canvas" />
      <MapLegend places={places} ties={ties} />
    </>
  );
}

/**
 * Pointer help on the organisations' circles: their names on hover, links to their pages on click. The
 * same names and links are in the list beside the map, for keyboards and screen readers.
 */
function addPlaceInteraction(map: MapLibreMap, goToLabel: string, navigate: (path: string) => void) {
  const hover = new Popup({ closeButton: false, closeOnClick: false, className: 'cooperation-map-hover' });
  const links = new Popup({ closeButton: true, maxWidth: '20rem', className: 'cooperation-map-links' });
  const namesOf = (features: MapGeoJSONFeature[]) =>
    features
      .map((feature) => String(feature.properties.name))
      .filter((name, i, all) => all.indexOf(name) === i);

  map.on('mouseenter', placeLayerId, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mousemove', placeLayerId, (event) => {
    const features = event.features ?? [];
    if (features.length === 0) return;
    hover.setLngLat(event.lngLat).setText(namesOf(features).join(', ')).addTo(map);
  });
  map.on('mouseleave', placeLayerId, () => {
    map.getCanvas().style.cursor = '';
    hover.remove();
  });
  map.on('click', placeLayerId, (event) => {
    const features = event.features ?? [];
    if (features.length === 0) return;
    hover.remove();
    const list = document.createElement('ul');
    list.className = 'cooperation-map-link-list';
    const seen = new Set<string>();
    for (const feature of features) {
      const slug = String(feature.properties.slug);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const path = `/organisations/${encodeURIComponent(slug)}`;
      const link = document.createElement('a');
      link.href = path;
      link.textContent = String(feature.properties.name);
      link.title = goToLabel;
      link.addEventListener('click', (click) => {
        if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return;
        click.preventDefault();
        links.remove();
        navigate(path);
      });
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    links.setLngLat(event.lngLat).setDOMContent(list).addTo(map);
  });
}
