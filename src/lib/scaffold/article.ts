/**
 * The skeleton of a new article: valid frontmatter (today's date, draft: true)
 * and a body with sections. Pure: the CLI (scripts/new.ts) checks references,
 * picks the path and writes the file.
 */
import { normaliseTags } from '../content/slugs.ts';

export interface NewArticle {
  title: string;
  category: string;
  authors: string[];
  tags: string[];
  /** The writer's local calendar date, YYYY-MM-DD. */
  date: string;
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML and escapes everything that needs it. */
export const yamlString = (value: string) => JSON.stringify(value);

/** The local calendar date of `now` (what the writer calls "today"), as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function articleSource(a: NewArticle): string {
  const author = a.authors.length === 1 ? a.authors[0]! : `[${a.authors.join(', ')}]`;
  const tags = normaliseTags(a.tags);
  return `---
title: ${yamlString(a.title)}
description: "One or two sentences that say what happened and why it matters (up to 300 characters)."
pubDate: ${a.date}
author: ${author}
category: ${a.category}
tags: [${tags.join(', ')}]
# A hero image beside this file (use --folder): heroImage: ./hero.jpg, and heroAlt: "what it shows"
highlights:
  - "The single most important fact."
  - "A number that puts it in context."
  - "What happens next."
# Every claim should trace back to one of these. Add an entry per source:
#   - { title: "Report title", url: "https://example.org/report", publisher: "Who published it" }
sources: []
draft: true
---

Open with the news in one paragraph: who did what, when, and the figure that matters.

## What happened

The facts, in order, with numbers and their sources.

## Why it matters

What changes for readers, customers or the industry. Compare with what came before.

## What to watch

Open questions, dates and the next thing to look for.
`;
}
