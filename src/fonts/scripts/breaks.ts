// Where a line may start: after spaces and hyphens in every script, between CJK characters, at Thai (and Lao,
// Khmer, Myanmar) word boundaries; always on a grapheme cluster boundary, never inside one.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
// ICU's dictionary-based word breaking handles the scripts written without spaces.
const words = new Intl.Segmenter('th', { granularity: 'word' })

const SPACE = /^\s$/u
/** Hyphen-minus, hyphen, en dash, em dash, Hebrew maqaf: a line may start after them (not the no-break hyphen). */
const HYPHENS = new Set(['-', '\u2010', '\u2013', '\u2014', '\u05be'])
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u30fc\uff00-\uffef]/u
const SPACELESS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
/** Japanese line-start rules (kinsoku): closing punctuation, small kana and the prolonged sound mark never start a line. */
const NO_LINE_START = /^[、。，．・：；？！ー〜）」』】〕〉》｝］ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻)\]}]/u
/** …and opening brackets never end one. */
const NO_LINE_END = /[（「『【〔〈《｛［([{]$/u

/** Grapheme cluster boundaries of `text`, 0 and text.length included. */
export function graphemeBoundaries (text: string): number[] {
  const out: number[] = []
  for (const { index } of graphemes.segment(text)) out.push(index)
  out.push(text.length)
  return out
}

/** Sorted UTF-16 indexes where a line may start (0 and text.length excluded). */
export function breakOpportunities (text: string): number[] {
  const clusters = [...graphemes.segment(text)].map((s) => s.segment)
  const thaiWordStarts = SPACELESS.test(text) ? wordStarts(text) : undefined
  const out: number[] = []
  let at = 0
  for (let i = 0; i + 1 < clusters.length; i++) {
    const before = clusters[i] as string
    const after = clusters[i + 1] as string
    at += before.length
    if (SPACE.test(after)) continue
    const mayBreak =
      SPACE.test(before) ||
      (HYPHENS.has(before) && !SPACE.test(after)) ||
      (CJK.test(before) && CJK.test(after) && !NO_LINE_START.test(after) && !NO_LINE_END.test(before)) ||
      (thaiWordStarts?.has(at) === true && SPACELESS.test(before) && SPACELESS.test(after))
    if (mayBreak) out.push(at)
  }
  return out
}

function wordStarts (text: string): Set<number> {
  const starts = new Set<number>()
  for (const { index } of words.segment(text)) starts.add(index)
  return starts
}
