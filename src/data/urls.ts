/** This site's links: the URL scheme with the base path of `url` in src/site.config.ts (see src/lib/content/urls.ts). */
import { siteUrls } from '../lib/content/urls.ts';
import site from '../site.config.ts';

export const urls = siteUrls(site.url);
/** A link, site path or URL made absolute against the site (base path kept). */
export const abs = urls.absolute;
