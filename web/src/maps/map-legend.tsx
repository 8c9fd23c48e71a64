import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { mapColours, tieDashes } from './basemap-style';
import { tieKindsShown, type MapPlace, type MapTie, type TieKind } from './map-features';

/** What the map's circles and lines mean, in words beside a sample of each (shape, not colour alone). */
export function MapLegend({ places, ties }: { places: readonly MapPlace[]; ties: readonly MapTie[] }) {
  const t = useT();
  const kinds = tieKindsShown(ties, places);
  const hasFocus = places.some((place) => place.isFocus);
  return (
    <Group component="ul" gap="lg" className="cooperation-map-legend" aria-label={t('map.legend')}>
      {hasFocus && (
        <LegendItem symbol={<span className="legend-dot legend-dot-focus" />} label="map.legend.focus" />
      )}
      <LegendItem symbol={<span className="legend-dot" />} label="map.legend.organisation" />
      {kinds.map((kind) => (
        <LegendItem key={kind} symbol={<TieSymbol kind={kind} />} label={`map.legend.${kind}`} />
      ))}
    </Group>
  );
}

function LegendItem({ symbol, label }: { symbol: ReactNode; label: MessageId }) {
  const t = useT();
  return (
    <Group component="li" gap={6} wrap="nowrap">
      {symbol}
      <Text component="span" size="sm">
        {t(label)}
      </Text>
    </Group>
  );
}

/** A short sample of a tie's line, in its colour and pattern. */
function TieSymbol({ kind }: { kind: TieKind }) {
  const dash = tieDashes[kind];
  return (
    <svg width="28" height="10" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={mapColours[kind]}
        strokeWidth="2.5"
        strokeDasharray={dash ? dash.map((length) => length * 2.5).join(' ') : undefined}
      />
    </svg>
  );
}
