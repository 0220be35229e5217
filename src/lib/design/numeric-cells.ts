/**
 * Table cells that hold a figure ("671B", "~1T", "128K", "$0.28", "12.5%"),
 * so only those get tabular digits and right alignment. Text cells keep
 * proportional glyphs: tabular forms space out hyphens ("DeepSeek-V3").
 */
// A figure, an optional range, and an optional unit of at most three letters (B, K, GB, TWh, GHz, %).
const NUMERIC = /^[~≈<>±+−-]?[$€£]?\d[\d.,\s]*([-–]\s*\d[\d.,]*)?\s*(%|×|[a-z]{1,3})?$/i;

export function isNumericCell(text: string): boolean {
  const t = text.replace(/&nbsp;|\u00a0/g, ' ').trim();
  return t !== '' && NUMERIC.test(t);
}

/** Adds class="num" to each <td> of rendered table HTML whose text is a figure. */
export function markNumericCells(html: string): string {
  return html.replace(/<td(\s[^>]*)?>([\s\S]*?)<\/td>/g, (cell, attrs: string | undefined, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, '');
    if (!isNumericCell(text) || /\sclass=/.test(attrs ?? '')) return cell;
    return `<td${attrs ?? ''} class="num">${inner}</td>`;
  });
}
