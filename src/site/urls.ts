/** Every internal link goes through here, so a base path (GitHub Pages project sites) just works. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export function incidentUrl(slug: string): string {
  return url(`incidents/${slug}/`);
}
