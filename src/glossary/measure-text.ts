/** Words, sentences and paragraphs of a glossary text, as counted for the definition limits and readability. */
export interface TextMeasures {
  /** Whitespace-separated words that contain a letter or digit ("B-cell" is one word). */
  words: string[];
  /** Sentences: a break after . ! or ? (and any closing quote) followed by whitespace and a capital, digit or opening quote. */
  sentences: string[];
  /** Blocks separated by one or more blank lines. */
  paragraphs: string[];
}

/** Splits a text into words, sentences and paragraphs (the one way the glossary counts them). */
export function measureText(text: string): TextMeasures {
  const trimmed = text.trim();
  return {
    words: trimmed.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)),
    sentences: trimmed
      .split(/(?<=[.!?]["'”’)]*)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    paragraphs: trimmed
      .split(/\n[ \t]*\n/u)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  };
}
