// The fallback fonts of the chain, in the order they are tried after the label font. Which one draws a character
// is decided per cluster (see itemize.ts); the order only matters where fonts overlap.

/** What a fallback font is for; also the key to override its file. */
export type FallbackRole = 'arabic' | 'hebrew' | 'thai' | 'devanagari' | 'japanese' | 'korean' | 'chinese'

export interface FallbackFont {
  role: FallbackRole
  /** The bundled file, relative to the project root. */
  file: string
  /** BCP 47 language given to HarfBuzz where it selects glyph forms (CJK `locl`); undefined lets HarfBuzz guess. */
  language?: string
  /** Letters and digits whose ink sets the font's scale (ChainFont.scale). */
  scaleSample: RegExp
}

export const FALLBACK_FONTS: readonly FallbackFont[] = [
  { role: 'arabic', file: 'fonts/noto/NotoSansArabic-Bold.ttf', scaleSample: /^[\p{L}\p{N}]$/u },
  { role: 'hebrew', file: 'fonts/noto/NotoSansHebrew-Bold.ttf', scaleSample: /^[\p{L}\p{N}]$/u },
  { role: 'thai', file: 'fonts/noto/NotoSansThai-Bold.ttf', scaleSample: /^[\p{L}\p{N}]$/u },
  { role: 'devanagari', file: 'fonts/noto/NotoSansDevanagari-Bold.ttf', scaleSample: /^[\p{L}\p{N}]$/u },
  { role: 'japanese', file: 'fonts/noto/NotoSansJP-Bold.ttf', language: 'ja', scaleSample: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u },
  { role: 'korean', file: 'fonts/noto/NotoSansKR-Bold.ttf', language: 'ko', scaleSample: /^[\p{Script=Hangul}\p{Script=Han}]$/u },
  { role: 'chinese', file: 'fonts/noto/NotoSansSC-Bold.ttf', language: 'zh-Hans', scaleSample: /^\p{Script=Han}$/u }
]

/** Kana in the text: its Han characters are Japanese. */
export const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u
/** Hangul in the text: its Han characters are Korean. */
export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/u
