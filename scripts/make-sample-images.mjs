#!/usr/bin/env node
// Generates the bundled sample images for Broadsheet's demo content:
//   - one abstract editorial hero per folder article (1600x900 JPEG)
//   - one avatar per author (400x400 JPEG)
//   - a few simple charts used inside <Figure> blocks (PNG)
//
// Everything is drawn from SVG built in code and rasterised with sharp. No
// network access, no external assets. Output is deterministic: every random
// choice comes from a PRNG seeded by the article slug or author id, so running
// the script twice produces byte-identical files (unchanged files are not
// rewritten).
//
// Usage: npx node scripts/make-sample-images.mjs

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { mulberry32 } from '../src/lib/seeded-random.ts';
import { escapeXml } from '../src/lib/feed/xml-text.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES_DIR = path.join(ROOT, 'content', 'articles');
const AUTHORS_DIR = path.join(ROOT, 'content', 'authors');

// Folder articles that carry a hero image. The motif is optional; when it is
// omitted one is picked from the slug's seed.
const HEROES = [
  { slug: 'deepseek-v4-launch', motif: 'network' },
  { slug: 'mixture-of-experts-explained', motif: 'network' },
  { slug: 'kv-cache-compression-explained', motif: 'bars' },
  { slug: 'distillation-fight-frontier-labs', motif: 'orbits' },
  { slug: 'export-controls-ai-chips-2026', motif: 'circuit' },
  { slug: 'huawei-ascend-910c-deep-dive', motif: 'circuit' },
  { slug: 'inference-pricing-race', motif: 'bars' },
  { slug: 'open-weight-licences-compared', motif: 'mesh' },
  { slug: 'enterprise-ai-marketplace-zero-commission', motif: 'tiles' },
  { slug: 'flash-tier-cheap-fast-models', motif: 'waves' },
  { slug: 'netflix-acquires-interpositive', motif: 'waves' },
  { slug: 'data-centre-power-crunch', motif: 'tiles' },
  { slug: 'serving-trillion-parameter-moe', motif: 'orbits' },
];

const AUTHORS = [
  { id: 'maya-chen', initials: 'MC', hue: 198 },
  { id: 'daniel-okafor', initials: 'DO', hue: 24 },
  { id: 'sofia-marquez', initials: 'SM', hue: 336 },
  { id: 'lukas-berg', initials: 'LB', hue: 148 },
];

// ---------------------------------------------------------------------------
// Deterministic randomness

function hashString(str) {
  // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function makeRng(seedText) {
  const next = mulberry32(hashString(seedText));
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const r1 = (n) => Math.round(n * 10) / 10;
const hsl = (h, s, l, a = 1) =>
  a === 1
    ? `hsl(${r1(((h % 360) + 360) % 360)} ${r1(s)}% ${r1(l)}%)`
    : `hsl(${r1(((h % 360) + 360) % 360)} ${r1(s)}% ${r1(l)}% / ${r1(a * 100) / 100})`;


// ---------------------------------------------------------------------------
// Hero illustrations

const W = 1600;
const H = 900;

function palette(rng) {
  const base = rng.range(0, 360);
  const shift = rng.pick([35, 150, 180, 210, -40]);
  return {
    base,
    accent: base + shift,
    dark: hsl(base, rng.range(35, 55), rng.range(10, 16)),
    mid: hsl(base + 12, rng.range(32, 48), rng.range(22, 30)),
    light: hsl(base, 70, 72),
    accentFill: hsl(base + shift, rng.range(58, 74), rng.range(56, 64)),
    accentSoft: hsl(base + shift, 70, 60, 0.35),
  };
}

function gridOverlay(rng, p) {
  const step = rng.pick([50, 64, 80, 100]);
  let d = '';
  for (let x = step; x < W; x += step) d += `M${x} 0V${H}`;
  for (let y = step; y < H; y += step) d += `M0 ${y}H${W}`;
  return `<path d="${d}" stroke="${hsl(p.base, 40, 85, 0.07)}" stroke-width="1" fill="none"/>`;
}

function motifOrbits(rng, p) {
  const cx = rng.range(W * 0.45, W * 0.75);
  const cy = rng.range(H * 0.3, H * 0.7);
  let out = '';
  const rings = rng.int(5, 9);
  for (let i = 0; i < rings; i++) {
    const r = 90 + i * rng.range(55, 80);
    const dash = rng.chance(0.5) ? ` stroke-dasharray="${rng.int(4, 30)} ${rng.int(8, 40)}"` : '';
    out += `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="none" stroke="${hsl(p.base + i * 6, 60, 75, 0.18 + 0.05 * (i % 3))}" stroke-width="${r1(rng.range(1.5, 5))}"${dash}/>`;
  }
  out += `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(rng.range(60, 110))}" fill="url(#accentGrad)"/>`;
  const planets = rng.int(4, 7);
  for (let i = 0; i < planets; i++) {
    const ang = rng.range(0, Math.PI * 2);
    const rr = 90 + rng.int(1, rings - 1) * 65;
    const x = cx + Math.cos(ang) * rr;
    const y = cy + Math.sin(ang) * rr;
    out += `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(rng.range(8, 26))}" fill="${hsl(p.accent + rng.range(-20, 20), 75, rng.range(55, 75), 0.9)}"/>`;
  }
  return out;
}

function motifCircuit(rng, p) {
  let out = '';
  const chipW = rng.range(300, 420);
  const chipH = chipW * rng.range(0.75, 1);
  const chipX = rng.range(W * 0.45, W * 0.62);
  const chipY = (H - chipH) / 2 + rng.range(-60, 60);
  // traces
  const traces = rng.int(26, 40);
  for (let i = 0; i < traces; i++) {
    const side = rng.int(0, 3);
    let x;
    let y;
    if (side === 0) {
      x = chipX;
      y = chipY + rng.range(20, chipH - 20);
    } else if (side === 1) {
      x = chipX + chipW;
      y = chipY + rng.range(20, chipH - 20);
    } else if (side === 2) {
      x = chipX + rng.range(20, chipW - 20);
      y = chipY;
    } else {
      x = chipX + rng.range(20, chipW - 20);
      y = chipY + chipH;
    }
    let d = `M${r1(x)} ${r1(y)}`;
    const segs = rng.int(2, 4);
    let horizontal = side < 2;
    for (let s = 0; s < segs; s++) {
      const len = rng.range(60, 260);
      if (horizontal) x += side === 0 ? -len : side === 1 ? len : rng.chance(0.5) ? len : -len;
      else y += side === 2 ? -len : side === 3 ? len : rng.chance(0.5) ? len : -len;
      d += `L${r1(x)} ${r1(y)}`;
      horizontal = !horizontal;
    }
    const col = rng.chance(0.25) ? p.accentFill : hsl(p.base, 55, 70, 0.55);
    out += `<path d="${d}" fill="none" stroke="${col}" stroke-width="${rng.pick([2, 3, 4])}" stroke-linejoin="round"/>`;
    out += `<circle cx="${r1(x)}" cy="${r1(y)}" r="${rng.pick([5, 6, 8])}" fill="${p.dark}" stroke="${col}" stroke-width="3"/>`;
  }
  // chip body
  out += `<rect x="${r1(chipX)}" y="${r1(chipY)}" width="${r1(chipW)}" height="${r1(chipH)}" rx="18" fill="${p.dark}" stroke="${hsl(p.base, 50, 70, 0.7)}" stroke-width="4"/>`;
  out += `<rect x="${r1(chipX + 40)}" y="${r1(chipY + 40)}" width="${r1(chipW - 80)}" height="${r1(chipH - 80)}" rx="10" fill="url(#accentGrad)" opacity="0.85"/>`;
  // die grid
  const cells = rng.int(3, 5);
  const cw = (chipW - 80) / cells;
  const ch = (chipH - 80) / cells;
  let d = '';
  for (let i = 1; i < cells; i++) {
    d += `M${r1(chipX + 40 + i * cw)} ${r1(chipY + 40)}V${r1(chipY + chipH - 40)}`;
    d += `M${r1(chipX + 40)} ${r1(chipY + 40 + i * ch)}H${r1(chipX + chipW - 40)}`;
  }
  out += `<path d="${d}" stroke="${p.dark}" stroke-width="3" opacity="0.5"/>`;
  return out;
}

function motifBars(rng, p) {
  let out = '';
  const n = rng.int(14, 24);
  const gap = rng.range(10, 22);
  const left = rng.range(W * 0.3, W * 0.42);
  const bw = (W - left - 80 - gap * (n - 1)) / n;
  let level = rng.range(0.2, 0.4);
  for (let i = 0; i < n; i++) {
    level = Math.min(0.92, Math.max(0.12, level + rng.range(-0.12, 0.16)));
    const h = level * (H - 160);
    const x = left + i * (bw + gap);
    const y = H - 80 - h;
    const isAccent = rng.chance(0.18);
    out += `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(bw)}" height="${r1(h)}" rx="${r1(Math.min(8, bw / 3))}" fill="${isAccent ? 'url(#accentGrad)' : hsl(p.base + i * 2, 50, 60 + (i % 3) * 5, 0.45)}"/>`;
  }
  // trend line
  let d = '';
  for (let i = 0; i <= 12; i++) {
    const x = left + ((W - left - 80) * i) / 12;
    const y = H * 0.75 - i * rng.range(20, 40) + rng.range(-25, 25);
    d += `${i === 0 ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
  }
  out += `<path d="${d}" fill="none" stroke="${p.accentFill}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>`;
  out += `<line x1="${r1(left - 20)}" y1="${H - 80}" x2="${W - 60}" y2="${H - 80}" stroke="${hsl(p.base, 40, 85, 0.5)}" stroke-width="2"/>`;
  return out;
}

function motifNetwork(rng, p) {
  let out = '';
  // a router node on the left fanning out to a column of expert nodes
  const layers = 4;
  const cols = [];
  for (let l = 0; l < layers; l++) {
    const count = l === 0 ? 1 : rng.int(5, 9);
    const x = W * 0.3 + (l * (W * 0.62)) / (layers - 1);
    const col = [];
    for (let i = 0; i < count; i++) {
      const y = count === 1 ? H / 2 : 110 + (i * (H - 220)) / (count - 1);
      col.push({ x, y, on: l === 0 || rng.chance(0.3) });
    }
    // make sure every layer routes to at least two nodes
    if (l > 0) {
      while (col.filter((n) => n.on).length < 2) col[rng.int(0, col.length - 1)].on = true;
    }
    cols.push(col);
  }
  for (let l = 0; l < layers - 1; l++) {
    for (const a of cols[l]) {
      for (const b of cols[l + 1]) {
        const active = a.on && b.on;
        out += `<line x1="${r1(a.x)}" y1="${r1(a.y)}" x2="${r1(b.x)}" y2="${r1(b.y)}" stroke="${active ? p.accentFill : hsl(p.base, 40, 80, 0.12)}" stroke-width="${active ? 4 : 1.5}"/>`;
      }
    }
  }
  for (const col of cols) {
    for (const n of col) {
      const r = n.on ? 26 : 18;
      out += `<circle cx="${r1(n.x)}" cy="${r1(n.y)}" r="${r}" fill="${n.on ? 'url(#accentGrad)' : p.dark}" stroke="${hsl(p.base, 50, 78, n.on ? 0.9 : 0.45)}" stroke-width="3"/>`;
    }
  }
  return out;
}

function motifMesh(rng, p) {
  let out = '';
  const cols = 12;
  const rows = 7;
  const cw = W / cols;
  const rh = H / rows;
  const pts = [];
  for (let j = 0; j <= rows; j++) {
    const row = [];
    for (let i = 0; i <= cols; i++) {
      const jitter = i === 0 || i === cols || j === 0 || j === rows ? 0 : 1;
      row.push([i * cw + jitter * rng.range(-cw * 0.3, cw * 0.3), j * rh + jitter * rng.range(-rh * 0.3, rh * 0.3)]);
    }
    pts.push(row);
  }
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const a = pts[j][i];
      const b = pts[j][i + 1];
      const c = pts[j + 1][i];
      const d = pts[j + 1][i + 1];
      const weight = i / cols;
      for (const tri of [
        [a, b, d],
        [a, d, c],
      ]) {
        const light = 18 + weight * 30 + rng.range(-6, 6);
        const useAccent = weight > 0.55 && rng.chance(0.12);
        const fill = useAccent ? hsl(p.accent, 70, 58, 0.85) : hsl(p.base + weight * 30, 50, light, 0.75);
        out += `<polygon points="${tri.map((q) => `${r1(q[0])},${r1(q[1])}`).join(' ')}" fill="${fill}" stroke="${hsl(p.base, 40, 80, 0.12)}" stroke-width="1"/>`;
      }
    }
  }
  return out;
}

function motifTiles(rng, p) {
  let out = '';
  const size = rng.pick([70, 80, 90]);
  const cols = Math.ceil(W / size);
  const rows = Math.ceil(H / size);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const fx = i / cols;
      if (rng.next() > fx * 1.15) continue;
      const x = i * size + 6;
      const y = j * size + 6;
      const s = size - 12;
      const kind = rng.int(0, 3);
      const col = rng.chance(0.1) ? p.accentFill : hsl(p.base + rng.range(-15, 15), 50, rng.range(35, 65), 0.55);
      if (kind === 0) out += `<rect x="${x}" y="${y}" width="${s}" height="${s}" rx="8" fill="${col}"/>`;
      else if (kind === 1) out += `<circle cx="${x + s / 2}" cy="${y + s / 2}" r="${s / 2}" fill="${col}"/>`;
      else if (kind === 2) out += `<path d="M${x} ${y + s}A${s} ${s} 0 0 1 ${x + s} ${y}L${x + s} ${y + s}Z" fill="${col}"/>`;
      else out += `<rect x="${x}" y="${y + s / 3}" width="${s}" height="${s / 3}" rx="6" fill="${col}"/>`;
    }
  }
  return out;
}

function motifWaves(rng, p) {
  let out = '';
  const bands = rng.int(7, 11);
  for (let b = 0; b < bands; b++) {
    const baseY = 120 + (b * (H - 120)) / bands;
    const amp = rng.range(30, 90);
    const freq = rng.range(1.2, 2.6);
    const phase = rng.range(0, Math.PI * 2);
    let d = `M0 ${H}L0 ${r1(baseY)}`;
    for (let x = 0; x <= W; x += 40) {
      const y = baseY + Math.sin((x / W) * Math.PI * 2 * freq + phase) * amp;
      d += `L${x} ${r1(y)}`;
    }
    d += `L${W} ${H}Z`;
    const col = b === bands - 3 ? hsl(p.accent, 70, 58, 0.55) : hsl(p.base + b * 4, 50, 22 + b * 4, 0.35);
    out += `<path d="${d}" fill="${col}"/>`;
  }
  // film-strip sprockets along the top
  for (let x = 30; x < W; x += 60) {
    out += `<rect x="${x}" y="28" width="26" height="18" rx="4" fill="${hsl(p.base, 40, 85, 0.18)}"/>`;
  }
  return out;
}

const MOTIFS = {
  orbits: motifOrbits,
  circuit: motifCircuit,
  bars: motifBars,
  network: motifNetwork,
  mesh: motifMesh,
  tiles: motifTiles,
  waves: motifWaves,
};

function heroSvg(slug, motifName) {
  const rng = makeRng(`hero:${slug}`);
  const p = palette(rng);
  const motif = MOTIFS[motifName] ?? MOTIFS[rng.pick(Object.keys(MOTIFS))];
  const angle = rng.int(0, 1);
  const body = motif(rng, p);
  const glowX = r1(rng.range(10, 40));
  const glowY = r1(rng.range(20, 80));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="bg" x1="0" y1="${angle}" x2="1" y2="${1 - angle}">
      <stop offset="0" stop-color="${p.dark}"/>
      <stop offset="1" stop-color="${p.mid}"/>
    </linearGradient>
    <linearGradient id="accentGrad" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${p.accentFill}"/>
      <stop offset="1" stop-color="${hsl(p.accent + 30, 80, 48)}"/>
    </linearGradient>
    <radialGradient id="glow" cx="${glowX}%" cy="${glowY}%" r="55%">
      <stop offset="0" stop-color="${hsl(p.accent, 80, 60, 0.35)}"/>
      <stop offset="1" stop-color="${hsl(p.accent, 80, 60, 0)}"/>
    </radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  <rect width="${W}" height="${H}" fill="url(#glow)"/>
  ${gridOverlay(rng, p)}
  ${body}
</svg>`;
}

// ---------------------------------------------------------------------------
// Avatars

function avatarSvg({ id, initials, hue }) {
  const rng = makeRng(`avatar:${id}`);
  const S = 400;
  const arcStart = rng.range(0, Math.PI * 2);
  const arcLen = rng.range(Math.PI * 0.6, Math.PI * 1.2);
  const R = 168;
  const x1 = 200 + Math.cos(arcStart) * R;
  const y1 = 200 + Math.sin(arcStart) * R;
  const x2 = 200 + Math.cos(arcStart + arcLen) * R;
  const y2 = 200 + Math.sin(arcStart + arcLen) * R;
  const large = arcLen > Math.PI ? 1 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 35, 94)}"/>
      <stop offset="1" stop-color="${hsl(hue + 20, 40, 86)}"/>
    </linearGradient>
    <linearGradient id="disc" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 62, 44)}"/>
      <stop offset="1" stop-color="${hsl(hue + 25, 65, 32)}"/>
    </linearGradient>
  </defs>
  <rect width="${S}" height="${S}" fill="url(#bg)"/>
  <circle cx="200" cy="200" r="150" fill="url(#disc)"/>
  <path d="M${r1(x1)} ${r1(y1)}A${R} ${R} 0 ${large} 1 ${r1(x2)} ${r1(y2)}" fill="none" stroke="${hsl(hue + 180, 70, 55)}" stroke-width="10" stroke-linecap="round"/>
  <text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="124" letter-spacing="2" fill="${hsl(hue, 30, 97)}">${escapeXml(initials)}</text>
</svg>`;
}

// ---------------------------------------------------------------------------
// Charts (for <Figure> blocks)

const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
// Two palettes: each chart is drawn once for the light theme and once for the dark one
// (the `darkSrc` of its <Figure>); the dark ground matches the dark theme's --bg.
const PALETTES = {
  light: { bg: '#ffffff', ink: '#1f2430', muted: '#5b6472', rule: '#d9dde3' },
  dark: { bg: '#121210', ink: '#edece6', muted: '#aba89e', rule: '#37352f' },
};
let chartColours = PALETTES.light;

function text(x, y, str, { size = 22, weight = 400, anchor = 'start', fill = chartColours.ink } = {}) {
  return `<text x="${r1(x)}" y="${r1(y)}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}">${escapeXml(str)}</text>`;
}

function chartFrame(width, height, title, subtitle, body, footnote) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="${chartColours.bg}"/>
  ${text(48, 62, title, { size: 32, weight: 700 })}
  ${text(48, 100, subtitle, { size: 21, fill: chartColours.muted })}
  ${body}
  ${footnote ? text(48, height - 28, footnote, { size: 17, fill: chartColours.muted }) : ''}
</svg>`;
}

// Two side-by-side panels, each with its own scale: total vs active params.
function deepseekParamsChart() {
  const width = 1400;
  const height = 760;
  const panels = [
    { label: 'Total parameters (billions)', max: 1100, ticks: [0, 250, 500, 750, 1000], v3: 671, v4: 1000 },
    { label: 'Active per token (billions)', max: 44, ticks: [0, 10, 20, 30, 40], v3: 37, v4: 32 },
  ];
  const top = 170;
  const bottom = height - 120;
  const plotH = bottom - top;
  const colV3 = '#7c8798';
  const colV4 = '#d9480f';
  let body = '';
  panels.forEach((pn, idx) => {
    const x0 = 110 + idx * 660;
    const plotW = 520;
    body += text(x0, top - 28, pn.label, { size: 23, weight: 700 });
    for (const t of pn.ticks) {
      const y = bottom - (t / pn.max) * plotH;
      body += `<line x1="${x0}" y1="${r1(y)}" x2="${x0 + plotW}" y2="${r1(y)}" stroke="${chartColours.rule}" stroke-width="1.5"/>`;
      body += text(x0 - 12, y + 7, String(t), { size: 18, anchor: 'end', fill: chartColours.muted });
    }
    const bars = [
      { name: 'DeepSeek-V3', value: pn.v3, color: colV3, note: '' },
      { name: 'DeepSeek V4', value: pn.v4, color: colV4, note: ' (reported)' },
    ];
    bars.forEach((b, i) => {
      const bw = 170;
      const x = x0 + 70 + i * 220;
      const h = (b.value / pn.max) * plotH;
      body += `<rect x="${x}" y="${r1(bottom - h)}" width="${bw}" height="${r1(h)}" rx="6" fill="${b.color}"/>`;
      body += text(x + bw / 2, bottom - h - 14, `${i === 1 ? '~' : ''}${b.value}B`, { size: 24, weight: 700, anchor: 'middle' });
      body += text(x + bw / 2, bottom + 34, b.name, { size: 20, anchor: 'middle' });
      if (b.note) body += text(x + bw / 2, bottom + 60, b.note.trim(), { size: 17, anchor: 'middle', fill: chartColours.muted });
    });
    body += `<line x1="${x0}" y1="${bottom}" x2="${x0 + plotW}" y2="${bottom}" stroke="${chartColours.ink}" stroke-width="2"/>`;
  });
  return chartFrame(
    width,
    height,
    'Bigger model, similar per-token footprint',
    'DeepSeek-V3 (published) versus DeepSeek V4 (reported at launch). Separate scales.',
    body,
    'Sources: DeepSeek-V3 Technical Report (arXiv:2412.19437); V4 figures as reported, not independently verified.',
  );
}

// KV-cache size at 128K tokens for a hypothetical 80-layer model, FP16/BF16.
function kvCacheChart() {
  const width = 1400;
  const height = 700;
  const rows = [
    { name: 'Multi-head attention (64 KV heads)', gib: 320 },
    { name: 'Grouped-query attention (8 KV heads)', gib: 40 },
    { name: 'Multi-head latent attention (576-wide latent)', gib: 11.25 },
    { name: 'Multi-query attention (1 KV head)', gib: 5 },
  ];
  const left = 600;
  const right = width - 140;
  const top = 170;
  const rowH = 104;
  const max = 340;
  let body = '';
  for (const t of [0, 100, 200, 300]) {
    const x = left + (t / max) * (right - left);
    body += `<line x1="${r1(x)}" y1="${top - 20}" x2="${r1(x)}" y2="${top + rows.length * rowH - 10}" stroke="${chartColours.rule}" stroke-width="1.5"/>`;
    body += text(x, top + rows.length * rowH + 22, `${t} GiB`, { size: 18, anchor: 'middle', fill: chartColours.muted });
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const w = Math.max(4, (row.gib / max) * (right - left));
    const color = i === 2 ? '#0b7285' : i === 0 ? '#868e96' : '#4dabf7';
    body += text(left - 20, y + 44, row.name, { size: 21, anchor: 'end' });
    body += `<rect x="${left}" y="${y + 12}" width="${r1(w)}" height="50" rx="6" fill="${color}"/>`;
    body += text(left + w + 14, y + 46, `${row.gib} GiB`, { size: 22, weight: 700 });
  });
  return chartFrame(
    width,
    height,
    'KV cache for one 128K-token sequence',
    'Hypothetical 80-layer model, 64 query heads of width 128, 16-bit cache entries.',
    body,
    'Broadsheet calculation; see the table in the article for the arithmetic.',
  );
}

// US data-centre electricity use, LBNL 2024 report (TWh).
function dataCentreChart() {
  const width = 1400;
  const height = 760;
  const bars = [
    { year: '2014', value: 58 },
    { year: '2018', value: 76 },
    { year: '2023', value: 176 },
    { year: '2028 (low)', value: 325, projected: true },
    { year: '2028 (high)', value: 580, projected: true },
  ];
  const left = 130;
  const right = width - 80;
  const top = 160;
  const bottom = height - 120;
  const max = 640;
  let body = '';
  for (const t of [0, 100, 200, 300, 400, 500, 600]) {
    const y = bottom - (t / max) * (bottom - top);
    body += `<line x1="${left}" y1="${r1(y)}" x2="${right}" y2="${r1(y)}" stroke="${chartColours.rule}" stroke-width="1.5"/>`;
    body += text(left - 14, y + 7, String(t), { size: 18, anchor: 'end', fill: chartColours.muted });
  }
  const slot = (right - left) / bars.length;
  bars.forEach((b, i) => {
    const bw = slot * 0.58;
    const x = left + i * slot + (slot - bw) / 2;
    const h = (b.value / max) * (bottom - top);
    const fill = b.projected ? '#ffd8a8' : '#e8590c';
    const stroke = b.projected ? ' stroke="#e8590c" stroke-width="3" stroke-dasharray="10 6"' : '';
    body += `<rect x="${r1(x)}" y="${r1(bottom - h)}" width="${r1(bw)}" height="${r1(h)}" rx="6" fill="${fill}"${stroke}/>`;
    body += text(x + bw / 2, bottom - h - 14, `${b.value} TWh`, { size: 22, weight: 700, anchor: 'middle' });
    body += text(x + bw / 2, bottom + 36, b.year, { size: 20, anchor: 'middle' });
  });
  body += `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${chartColours.ink}" stroke-width="2"/>`;
  body += text(left, top - 18, 'Terawatt-hours per year', { size: 18, fill: chartColours.muted });
  return chartFrame(
    width,
    height,
    'US data-centre electricity use',
    'Measured 2014 to 2023; 2028 shown as the low and high ends of the projected range.',
    body,
    'Source: Lawrence Berkeley National Laboratory, 2024 United States Data Center Energy Usage Report.',
  );
}

const CHARTS = [
  { slug: 'deepseek-v4-launch', file: 'params-chart.png', build: deepseekParamsChart },
  { slug: 'kv-cache-compression-explained', file: 'kv-cache-chart.png', build: kvCacheChart },
  { slug: 'data-centre-power-crunch', file: 'us-data-centre-electricity.png', build: dataCentreChart },
];

// ---------------------------------------------------------------------------
// Output

const results = [];

async function writeIfChanged(file, buffer) {
  await mkdir(path.dirname(file), { recursive: true });
  const rel = path.relative(ROOT, file);
  if (existsSync(file) && readFileSync(file).equals(buffer)) {
    results.push({ rel, bytes: buffer.length, status: 'unchanged' });
    return;
  }
  await writeFile(file, buffer);
  results.push({ rel, bytes: buffer.length, status: 'written' });
}

async function main() {
  for (const { slug, motif } of HEROES) {
    const svg = heroSvg(slug, motif);
    const buf = await sharp(Buffer.from(svg))
      .jpeg({ quality: 72, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
    await writeIfChanged(path.join(ARTICLES_DIR, slug, 'hero.jpg'), buf);
  }
  for (const author of AUTHORS) {
    const buf = await sharp(Buffer.from(avatarSvg(author)))
      .jpeg({ quality: 74, mozjpeg: true })
      .toBuffer();
    await writeIfChanged(path.join(AUTHORS_DIR, `${author.id}.jpg`), buf);
  }
  for (const chart of CHARTS) {
    for (const [name, colours] of Object.entries(PALETTES)) {
      chartColours = colours;
      const buf = await sharp(Buffer.from(chart.build()))
        .png({ compressionLevel: 9, palette: true, quality: 90, effort: 10 })
        .toBuffer();
      const file = name === 'light' ? chart.file : chart.file.replace(/\.png$/, '-dark.png');
      await writeIfChanged(path.join(ARTICLES_DIR, chart.slug, file), buf);
    }
  }
  for (const r of results) {
    console.log(`${r.status.padEnd(9)} ${r.rel} (${(r.bytes / 1024).toFixed(1)} KB)`);
  }
  const written = results.filter((r) => r.status === 'written').length;
  console.log(`\n${results.length} images, ${written} written, ${results.length - written} unchanged.`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
