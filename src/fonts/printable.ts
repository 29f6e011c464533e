// Which code points count as printable even when the font maps them: a character is printable only if it
// leaves visible ink or a visible space. Controls, invisible format characters, private-use glyphs and the
// replacement character would print as nothing, as a box or as something the user never wrote.

/** True for code points we never print, whatever the font's cmap says. */
export function isNeverPrintable (cp: number): boolean {
  return cp < 0x20 || // C0 controls, including CR/LF/TAB (adapters fold newlines before layout)
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 controls
    cp === 0xad || // soft hyphen: invisible unless a line breaks at it
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners and direction marks
    (cp >= 0x2028 && cp <= 0x202e) || // line/paragraph separators and bidi embeddings
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner and invisible operators
    (cp >= 0xd800 && cp <= 0xdfff) || // lone surrogates
    (cp >= 0xe000 && cp <= 0xf8ff) || // private use: font-specific glyphs, meaningless to a reader
    cp === 0xfeff || // byte-order mark / zero-width no-break space
    cp >= 0xfff0 // specials (object replacement, replacement character) and non-characters
}
