/** Build-time settings of the maps (see README, "Maps"): an online raster basemap, off by default. */
interface ImportMetaEnv {
  /** A raster tile URL template, e.g. `https://tile.example.org/{z}/{x}/{y}.png`; unset: offline only. */
  readonly VITE_TILE_URL?: string;
  /** The attribution the tiles' licence asks for, shown on the map (HTML allowed). */
  readonly VITE_TILE_ATTRIBUTION?: string;
}
