import { Lexer, Tokenizer, getDefaults, type Token, type Tokens } from 'marked';
import { nextTask } from './progressive.js';
import { markdownSections } from './sections.js';

// marked's inline lexer rescans the rest of a paragraph at every token, so some runs of delimiters
// (`_a_a_a…`, `*_a*_a…`, `**_a**_a…`) cost the square or the cube of their length: 20 KB of `*_a` took 3 s,
// and at 1 MB one token took 27 ms. So an inline run (a paragraph, heading or table cell) is lexed in
// pieces of about PIECE_CHARS, each within a budget of work: the characters left to scan at every token,
// summed. Real text stays far below it and delimiter runs reach it at once, so a piece over it is shown as
// the plain text its author wrote, the same on every machine. A time limit backs it up for patterns costlier
// per character than any found, but only past half the work: a busy machine must not change what is shown.

/** Longer inline runs are lexed in pieces this long at most, cut after a sentence where they can be. */
export const PIECE_CHARS = 1_000;
/** Characters the tokenizers may scan for one piece; real paragraphs of PIECE_CHARS need a twentieth. */
const PIECE_WORK = 200_000;
/** Milliseconds one piece may take once it has done half its work. */
const PIECE_MS = 25;
/** Top-level paragraphs longer than this become several, cut between pieces: the page lays each out apart. */
const PARAGRAPH_CHARS = 8_000;
/** A sentence's end (with closing brackets and quotes) and the space after it. */
const SENTENCE_END = /[.!?][)\]"'’”]*\s/g;

class OverBudget extends Error {}

/** Where a paragraph ends: a blank line, or the end. */
const BLANK_LINE = /\n[ \t]*(?:\n|$)/;
/** A setext heading's underline. */
const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;

/** marked's tokenizer that gives up once the current piece has spent its work or its time. */
class BudgetedTokenizer extends Tokenizer {
  work = Infinity;
  deadline = Infinity;

  // escape() is the first tokenizer every step of the inline loop (and of each nested run) asks; a
  // backslash escape is a step that scans nothing further.
  override escape(src: string): Tokens.Escape | undefined {
    const escape = super.escape(src);
    if (escape) return escape;
    this.work -= src.length;
    if (this.work < 0 || (this.work < PIECE_WORK / 2 && performance.now() > this.deadline)) throw new OverBudget();
    return undefined;
  }

  // marked's setext-heading pattern costs about 70 ms per megabyte of paragraph at every paragraph: only
  // a paragraph with an underline can be one.
  override lheading(src: string): Tokens.Heading | undefined {
    const end = src.search(BLANK_LINE);
    return UNDERLINE.test(end < 0 ? src : src.slice(0, end + 1)) ? super.lheading(src) : undefined;
  }
}

export function newLexer(): Lexer {
  // Fresh options per call so a global marked.use() elsewhere cannot add extensions or hooks here.
  return new Lexer({ ...getDefaults(), gfm: true, breaks: false, pedantic: false, tokenizer: new BudgetedTokenizer() });
}

/** A backslash before ASCII punctuation, which only says the character is meant literally. */
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** What the reader sees of a piece too costly to lex: its text, escapes and character references resolved. */
function plainText(src: string): Tokens.Text {
  return { type: 'text', raw: src, text: src.replace(BACKSLASH_ESCAPE, '$1'), escaped: false };
}

/** Where to end a piece of `window`: after its last sentence (in its second half), else its last space. */
function cutIn(window: string): number {
  let sentence = 0;
  for (const end of window.matchAll(SENTENCE_END)) sentence = end.index + end[0].length;
  if (sentence > window.length / 2) return sentence;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t')) + 1;
  if (space > 0) return space;
  // No space at all: anywhere but between the halves of a surrogate pair.
  return window.length - (/[\uD800-\uDBFF]/.test(window[window.length - 1]!) ? 1 : 0);
}

/** `src` in pieces of at most PIECE_CHARS, cut where formatting is least likely to span the cut. */
function* pieces(src: string): Generator<string> {
  let start = 0;
  while (src.length - start > PIECE_CHARS) {
    const end = cutIn(src.slice(start, start + PIECE_CHARS));
    yield src.slice(start, start + end);
    start += end;
  }
  yield src.slice(start);
}

/** Lexes one piece of an inline run within its budget, or puts it in as plain text, after `tokens`. */
function lexPiece(lexer: Lexer, piece: string, tokens: Token[]): void {
  const tokenizer = lexer.options.tokenizer as BudgetedTokenizer;
  lexer.state.inRawBlock = false;
  tokenizer.work = PIECE_WORK;
  tokenizer.deadline = performance.now() + PIECE_MS;
  try {
    // Its own array: marked merges text into the token before, which a piece that stops could not undo.
    tokens.push(...lexer.inlineTokens(piece, []));
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    tokens.push(plainText(piece));
    // Left set by a link or raw tag the piece was inside when it stopped.
    lexer.state.inLink = false;
    lexer.state.linkEmitted = false;
  } finally {
    tokenizer.work = Infinity;
    tokenizer.deadline = Infinity;
  }
}

/** A paragraph that goes on, in the next paragraph token, after a cut (see splitParagraphs). */
export interface ContinuedParagraph extends Tokens.Paragraph {
  continues?: boolean;
}

/**
 * Top-level paragraphs, at the token indices `cuts` holds for their inline tokens, as several paragraphs
 * marked `continues` but the last: one paragraph of 100 KB took 70 ms to lay out in a single frame.
 */
function splitParagraphs(tokens: Token[], cuts: Map<Token[], number[]>): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const paragraph = tokens[i] as Tokens.Paragraph;
    const at = paragraph.type === 'paragraph' ? cuts.get(paragraph.tokens) : undefined;
    if (!at) continue;
    const parts = [0, ...at].map((start, n): ContinuedParagraph => {
      const inline = paragraph.tokens.slice(start, at[n]);
      const text = inline.map((t) => t.raw).join('');
      return { type: 'paragraph', raw: text, text, tokens: inline, continues: n < at.length };
    });
    tokens.splice(i, 1, ...parts);
  }
}

/**
 * What Lexer.lex does, but block by section (see sections.ts), inline last, so link definitions from any
 * section serve references in every other. Each step returns the characters it covered, for the callers
 * that yield to the page between steps.
 */
export function* lexSteps(lexer: Lexer, markdown: string): Generator<number, Token[]> {
  for (const section of markdownSections(markdown.replace(/\r\n|\r/g, '\n'))) {
    lexer.blockTokens(section, lexer.tokens);
    yield section.length;
  }
  const cuts = new Map<Token[], number[]>();
  for (const run of lexer.inlineQueue) {
    let chars = 0;
    for (const piece of pieces(run.src)) {
      if (chars >= PARAGRAPH_CHARS) {
        cuts.set(run.tokens, [...(cuts.get(run.tokens) ?? []), run.tokens.length]);
        chars = 0;
      }
      lexPiece(lexer, piece, run.tokens);
      chars += piece.length;
      yield piece.length;
    }
  }
  lexer.inlineQueue = [];
  splitParagraphs(lexer.tokens, cuts);
  return lexer.tokens;
}

/** The tokens of a whole document at once. */
export function lex(markdown: string): Token[] {
  const steps = lexSteps(newLexer(), markdown);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Source characters lexed between two yields to the browser: a few milliseconds of work each. */
const SLICE_CHARS = 4_000;
/** Milliseconds of lexing after which it yields anyway: a slice of costly inline runs is short in characters. */
const SLICE_MS = 10;

/** lex() without long tasks: it yields to the browser between slices; `signal` stops it between them. */
export async function lexInSlices(markdown: string, signal?: AbortSignal): Promise<Token[]> {
  const steps = lexSteps(newLexer(), markdown);
  let sliceStart = performance.now();
  for (let covered = 0, step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    covered += step.value;
    if (covered >= SLICE_CHARS || performance.now() - sliceStart >= SLICE_MS) {
      covered = 0;
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
