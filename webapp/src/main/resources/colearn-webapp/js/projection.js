/**
 * Places sites on a flat picture from their coordinates, with no map tiles: an equirectangular projection fitted to
 * the sites' bounding box, longitude shrunk by the cosine of the middle latitude so that distances look right at the
 * latitudes of one country.
 */

/**
 * sites: [{latitude, longitude}], at least one. Returns `site -> [x, y]` inside a `width` × `height` picture with
 * `pad` pixels around it and `labelRoom` more on the right for the names written beside the points.
 */
export function fitProjection(sites, { width, height, pad, labelRoom = 0 }) {
  const lats = sites.map((site) => site.latitude);
  const lons = sites.map((site) => site.longitude);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const shrink = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const spanX = Math.max((maxLon - minLon) * shrink, 0.01);
  const spanY = Math.max(maxLat - minLat, 0.01);
  const scale = Math.min((width - 2 * pad - labelRoom) / spanX, (height - 2 * pad) / spanY);
  return (site) => [
    Math.round(pad + (site.longitude - minLon) * shrink * scale),
    Math.round(height - pad - (site.latitude - minLat) * scale),
  ];
}

/** Whether a site has both coordinates. */
export function located(site) {
  return site.latitude !== null && site.latitude !== undefined && site.longitude !== null && site.longitude !== undefined;
}
