/** The skeleton of a new author file; the CLI (scripts/new-author.ts) checks the id and writes it. */
import { yamlString } from './article.ts';

export function authorSource(id: string, name: string): string {
  return `---
name: ${yamlString(name)}
role: "Reporter"
bio: "One or two sentences for the author box under each article (up to 400 characters)."
# avatar: ./${id}.jpg      a square photo beside this file
links: {}
# links:
#   website: https://example.org
#   mastodon: https://mastodon.social/@name
#   email: name@example.org
---

The long bio, shown on the author's page: background, beat, and how to reach them.
`;
}
