// A word-level diff of two texts: Myers' O((N+M)·D) algorithm over word, space and punctuation tokens,
// after trimming what both share at the start and end. Pure; the updates view renders its segments.

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface WordDiff {
  /** In reading order; a replacement is its deletion followed by its insertion. */
  segments: DiffSegment[];
  /** Words (not spaces or punctuation) added and removed. */
  added: number;
  removed: number;
}

export interface DiffOptions {
  /** Give up above this many tokens in the two texts together (after trimming the common ends). */
  maxTokens?: number;
  /** Give up when the texts need more than this many token insertions and deletions. */
  maxEdits?: number;
}

export const DEFAULT_MAX_TOKENS = 200_000;
export const DEFAULT_MAX_EDITS = 2_000;

// A word (letters, digits and marks, with inner apostrophes), a run of white space, or one other character.
const TOKEN = /\s+|[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{N}\p{M}_]+)*|[^\s\p{L}\p{N}\p{M}_]/gu;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /^\s+$/;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The shortest edit script turning `a` into `b`, as one op per token (equal tokens once), or undefined
 * when it needs more than `maxEdits` edits. Keeps the frontier of each step (about D² numbers in all)
 * to walk back along.
 */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits = DEFAULT_MAX_EDITS): DiffOp[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  // v[k + offset]: the furthest x reached on diagonal k = x - y.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Before step d only diagonals -d-1 … d+1 matter; keep that window.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    // The window of step d starts at diagonal -d-1.
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('equal');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === previousX ? 'insert' : 'delete');
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

const countWords = (tokens: readonly string[]) => tokens.filter((t) => WORD.test(t)).length;

/**
 * Compares two texts word by word; undefined when they are too long or too different to show that way.
 * Changes separated only by white space read as one replacement ("<del>two business</del><ins>three
 * working</ins> days" rather than word-by-word alternation).
 */
export function diffWords(before: string, after: string, options: DiffOptions = {}): WordDiff | undefined {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length + middleB.length > (options.maxTokens ?? DEFAULT_MAX_TOKENS)) return undefined;
  const ops = diffTokens(middleA, middleB, options.maxEdits ?? DEFAULT_MAX_EDITS);
  if (!ops) return undefined;

  const segments: DiffSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  // Walk the ops, gathering each change region (changes joined by nothing but spaces) into one del + one ins.
  let i = 0;
  let j = 0;
  let k = 0;
  let added = 0;
  let removed = 0;
  while (k < ops.length) {
    if (ops[k] === 'equal') {
      push('equal', middleA[i]!);
      i++;
      j++;
      k++;
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    while (k < ops.length) {
      const op = ops[k];
      if (op === 'delete') {
        deleted.push(middleA[i++]!);
        k++;
      } else if (op === 'insert') {
        inserted.push(middleB[j++]!);
        k++;
      } else {
        // An equal run of spaces followed by more changes belongs to this region.
        let r = k;
        while (r < ops.length && ops[r] === 'equal' && SPACE.test(middleA[i + (r - k)]!)) r++;
        if (r === k || r === ops.length || ops[r] === 'equal') break;
        for (let s = k; s < r; s++) {
          deleted.push(middleA[i]!);
          inserted.push(middleB[j]!);
          i++;
          j++;
        }
        k = r;
      }
    }
    removed += countWords(deleted);
    added += countWords(inserted);
    // Shared spaces were copied into both sides; a side that is only spaces changed nothing.
    const deletedText = deleted.join('');
    const insertedText = inserted.join('');
    if (deletedText.trim() === '' && insertedText.trim() === '') {
      push('equal', insertedText || deletedText);
      continue;
    }
    push('delete', deletedText);
    push('insert', insertedText);
  }
  push('equal', a.slice(endA).join(''));
  return { segments, added, removed };
}
