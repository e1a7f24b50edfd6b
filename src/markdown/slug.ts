// GitHub's heading-id algorithm (as github-slugger implements it), with a Unicode property
// regex in place of its 10 KB generated table: identical ids for every character that table knows
// (checked over U+0000–U+2FFFF); letters added to Unicode since are kept rather than dropped.
const NOT_ALLOWED = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu;

export function slug(value: string): string {
  return value.toLowerCase().replace(NOT_ALLOWED, '').replace(/ /g, '-');
}

/** Unique slugs within one document: a repeated heading gets `-1`, `-2`, … like on GitHub. */
export class Slugger {
  private readonly occurrences = new Map<string, number>();

  slug(value: string): string {
    const original = slug(value);
    let result = original;
    while (this.occurrences.has(result)) {
      const count = (this.occurrences.get(original) ?? 0) + 1;
      this.occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}
