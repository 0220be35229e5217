/** One sentence per frontmatter field for docs/frontmatter.md (npm run docs:schema). */
import type { Notes } from './schema-table.ts';

export const articleNotes: Notes = {
  title: { text: 'The headline.' },
  description: { text: 'The dek: one or two sentences under the headline, also the search and feed summary.' },
  pubDate: { text: 'Publication date, YYYY-MM-DD or an ISO 8601 date-time. A date in the future keeps the article out of production builds until a build runs after it.', type: 'date' },
  updatedDate: { text: 'Date of a substantive update, not before pubDate; shown as "Updated".', type: 'date' },
  author: { text: 'An author id from content/authors, or a list of ids for co-authors; each must exist.' },
  category: { text: 'A category slug from `categories` in src/site.config.ts.' },
  tags: { text: 'Free tags, normalised to lower-case slugs ("KV Cache" → kv-cache) and de-duplicated.' },
  heroImage: { text: 'A local image relative to the article file ("./hero.jpg"); must exist. Use the `<slug>/index.mdx` layout to keep it beside the text.', type: 'image path' },
  heroAlt: { text: 'Alt text for the hero image; required with heroImage.' },
  heroCaption: { text: 'Caption shown under the hero; also in the feeds and the JSON-LD image (up to 400 characters).' },
  heroCredit: { text: 'Photo or illustration credit, shown with the caption; also in the feeds and as JSON-LD creditText (up to 200 characters).' },
  highlights: { text: 'The "Key highlights" box at the top of the article.' },
  sources: { text: 'The sources block at the end of the article.' },
  'sources[].title': { text: 'Title of the source.' },
  'sources[].url': { text: 'Absolute http(s) link.' },
  'sources[].publisher': { text: 'Who published it.' },
  draft: { text: 'true: shown only in `npm run dev` (badge, /drafts/), never in a production build or feed.' },
  featured: { text: 'true: may lead the home page (the newest featured article leads).' },
  canonicalUrl: { text: 'Absolute http(s) URL of the original, for articles first published elsewhere.' },
  related: { text: 'Article slugs to show first among related articles; each must exist.' },
};

export const authorNotes: Notes = {
  name: { text: 'Full name, as bylines print it.' },
  role: { text: 'Shown under the name ("Senior AI Reporter").' },
  bio: { text: 'One or two sentences for the author box under articles (up to 400 characters). The Markdown body is the long bio on the author\'s page.' },
  avatar: { text: 'A local square image relative to the file ("./jane-doe.jpg").', type: 'image path' },
  links: { text: 'Profiles shown in the author box and on the author page.' },
  'links.website': { text: 'Absolute http(s) URL.' },
  'links.x': { text: 'Absolute http(s) URL of the X profile.' },
  'links.github': { text: 'Absolute http(s) URL.' },
  'links.linkedin': { text: 'Absolute http(s) URL.' },
  'links.mastodon': { text: 'Absolute http(s) URL.' },
  'links.email': { text: 'An email address (shown as a mailto: link).' },
};
